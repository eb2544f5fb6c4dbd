package dev.ward.undertow.internal;

import io.undertow.server.HttpHandler;

/**
 * A step of a route's chain that passes the request on to {@link #next()}. Its {@code toString} says what it does
 * for this route, Undertow-style ({@code deadline(300 ms)}): the server logs each route's chain from them.
 */
interface ChainStep extends HttpHandler {
    HttpHandler next();
}
