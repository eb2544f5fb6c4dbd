package dev.ward.undertow;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * {@code @Traced}: the outermost step of a route, so the observation sees the answer the client finally got
 * (after recovery, deadline or fallback) and lasts until the response completed, also for async handlers.
 */
final class ObservedHandler implements HttpHandler {
    private final RequestRecorder observations;
    private final String name;
    private final HttpHandler next;

    ObservedHandler(RequestRecorder observations, String name, HttpHandler next) {
        this.observations = observations;
        this.name = name;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RouteExchange route = exchange.getAttachment(RouteExchange.ATTACHMENT);
        route.observation(observations.start(name, route.route().spec().template(), exchange, route));
        next.handleRequest(exchange);
    }
}
