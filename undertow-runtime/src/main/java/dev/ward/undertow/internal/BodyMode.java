package dev.ward.undertow.internal;

/** How a route takes its request body. */
enum BodyMode {
    /** The route does not read the body. */
    NONE,
    /** The body is read into memory on the I/O thread, bounded, before a worker is taken. */
    BUFFERED,
    /** The handler reads the body as a stream on its worker thread. */
    STREAM,
    /** {@code @ReplayBody}: buffered like {@link #BUFFERED}, and every consumer gets the whole body again. */
    REPLAY
}
