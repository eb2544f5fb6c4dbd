package dev.ward.undertow.internal;

import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;

/** The shared check for a declared body that is already too large: 413 before a byte is read. */
final class BodyLimits {
    private BodyLimits() {
    }

    /** Answers 413 and returns false when {@code Content-Length} exceeds the limit. */
    static boolean admit(HttpServerExchange exchange, RouteExchange routeExchange, long limit) {
        if (exchange.getRequestContentLength() <= limit) {
            return true;
        }
        tooLarge(exchange, routeExchange, limit);
        return false;
    }

    /** {@code 2 MiB}, {@code 64 KiB}, {@code 1000 bytes}: a limit as the chain's description shows it. */
    static String size(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    /** Stops reading the request and answers 413 on a connection that will then close. */
    static void tooLarge(HttpServerExchange exchange, RouteExchange routeExchange, long limit) {
        exchange.setPersistent(false);
        Connectors.terminateRequest(exchange);
        routeExchange.reject(BindException.bodyTooLarge(limit));
    }
}
