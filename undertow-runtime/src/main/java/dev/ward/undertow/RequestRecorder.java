package dev.ward.undertow;

import io.micrometer.observation.Observation;
import io.undertow.server.HttpServerExchange;

/**
 * Records an HTTP request from the moment it starts until its exchange completes, with the status the client
 * received: as a Micrometer {@link Observation} when the server has an observation registry, or straight into
 * timers when it has only a meter registry.
 */
interface RequestRecorder {
    /**
     * Starts recording; stops by itself when the exchange completes. Returns the observation to open around the
     * handler, or null when there is none.
     */
    Observation start(String name, String uri, HttpServerExchange exchange, RouteExchange route);
}
