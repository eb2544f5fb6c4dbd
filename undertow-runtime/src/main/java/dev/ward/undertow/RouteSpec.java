package dev.ward.undertow;

import java.time.Duration;

/**
 * A declared route, before the server composes its chain. {@code timeout} is null without {@code @Timeout};
 * {@code bodyLimit} is {@code @ReplayBody}'s bound, 0 for the server's entity limit.
 */
record RouteSpec(String method, String template, BodyMode bodyMode, long bodyLimit, boolean recover,
                 Duration timeout, RouteHandler handler) {

    /** How the route is named in logs, metrics and errors: {@code GET /orders/{id}}. */
    String name() {
        return method + " " + template;
    }
}
