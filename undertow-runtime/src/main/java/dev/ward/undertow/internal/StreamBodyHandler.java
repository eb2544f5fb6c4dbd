package dev.ward.undertow.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** For {@code InputStream} bodies: refuses a declared length over the limit before a worker is spent on it. */
final class StreamBodyHandler implements ChainStep {
    private final HttpHandler next;
    private final long limit;

    StreamBodyHandler(HttpHandler next, long limit) {
        this.next = next;
        this.limit = limit;
    }

    @Override
    public HttpHandler next() {
        return next;
    }

    @Override
    public String toString() {
        return "body(stream, " + BodyLimits.size(limit) + ")";
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (BodyLimits.admit(exchange, exchange.getAttachment(RouteExchange.ATTACHMENT), limit)) {
            next.handleRequest(exchange);
        }
    }
}
