package dev.ward.undertow.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * {@code @Traced}: the outermost step of a route, so the recording sees the answer the client finally got
 * (after recovery, deadline or fallback) and lasts until the response completed, also for async handlers; its
 * {@link RequestRecorder.RouteRecording} is also the route's completion step that stops it.
 */
final class ObservedHandler implements ChainStep {
    private final Route route;
    private final RequestRecorder.RouteRecording recording;
    private final HttpHandler next;

    ObservedHandler(Route route, RequestRecorder.RouteRecording recording, HttpHandler next) {
        this.route = route;
        this.recording = recording;
        this.next = next;
    }

    @Override
    public HttpHandler next() {
        return next;
    }

    @Override
    public String toString() {
        return "observed(" + route.spec().tracedAs() + " " + route.name() + ")";
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        recording.start(exchange.getAttachment(RouteExchange.ATTACHMENT));
        next.handleRequest(exchange);
    }
}
