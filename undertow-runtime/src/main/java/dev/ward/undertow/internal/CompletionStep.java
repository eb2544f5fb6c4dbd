package dev.ward.undertow.internal;

/**
 * What a route does once its exchange has completed (the response is sent or the connection is gone): stop the
 * deadline timer, hand a failure to its compensation, record the timing, count the request out. One object per
 * route, made when the server is built; per-request state lives on the {@link RouteExchange}. A route's steps run
 * from a single completion listener in a fixed order, so a request costs one listener, not one per feature.
 */
interface CompletionStep {
    void completed(RouteExchange exchange);
}
