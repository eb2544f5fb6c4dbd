package dev.ward.undertow.internal;

import dev.ward.undertow.Routes;

/** Where {@link Routes} add their routes. */
public interface RouteRegistry {
    /**
     * Starts a route for an HTTP method and a path template; the route is added when
     * {@link RouteBuilder#handler(RouteHandler)} is called.
     */
    RouteBuilder route(String method, String template);
}
