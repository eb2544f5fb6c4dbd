package dev.ward.undertow;

import java.io.IOException;

/**
 * Where access log lines go. Called from one background thread only, never from a request's thread, so it may
 * block (a slow disk, a full pipe) without slowing a single request; see {@link WardServer.Builder#accessLog}.
 */
@FunctionalInterface
public interface AccessLogSink {
    /** Writes one line, without its line terminator. */
    void write(String line) throws IOException;

    /** Called when no more lines are waiting: a moment to flush buffers. */
    default void flush() throws IOException {
    }
}
