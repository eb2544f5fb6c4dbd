package dev.ward.undertow;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes response values of one type as UTF-8 straight onto a stream, with no intermediate {@code String}.
 * Instances are shared by all requests of a route: they must be thread-safe.
 *
 * @param <T> the type of the encoded value
 */
public interface BodyWriter<T> {
    /**
     * Writes {@code value} (never null) to {@code out}, flushes what it buffered, and leaves {@code out} open.
     *
     * @throws IOException if writing to {@code out} fails
     */
    void write(T value, OutputStream out) throws IOException;
}
