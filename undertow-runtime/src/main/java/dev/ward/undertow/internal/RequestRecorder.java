package dev.ward.undertow.internal;

import io.undertow.server.HttpServerExchange;

/**
 * Records HTTP requests from the moment they start until their exchange completes, with the status the client
 * received: as Micrometer {@code Observation}s when the server has an observation registry, or straight into
 * timers when it has only a meter registry.
 */
interface RequestRecorder {
    /** The recording of one {@code @Traced} route, made once when the server is built; {@code uri} is its template. */
    RouteRecording forRoute(String name, String method, String uri);

    /** Records a request no route took ({@code uri} is {@code NOT_FOUND} or {@code UNKNOWN}) until it completes. */
    void recordUnmatched(String uri, HttpServerExchange exchange);

    /** Starts recording each request of a route; as the route's completion step, stops it. */
    interface RouteRecording extends CompletionStep {
        void start(RouteExchange exchange);

        /**
         * A request of a {@code @NonBlocking} route returned a stage not yet complete: it is now in progress off
         * the I/O thread; called before the stage can complete it.
         */
        default void waiting(RouteExchange exchange) {
        }
    }
}
