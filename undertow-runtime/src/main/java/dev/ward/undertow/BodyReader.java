package dev.ward.undertow;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes request bodies of one type. Bodies are UTF-8, as RFC 8259 requires of JSON exchanged between
 * systems. Instances are shared by all requests of a route: they must be thread-safe.
 *
 * @param <T> the type of the decoded value
 */
public interface BodyReader<T> {
    /**
     * Decodes a body that is already in memory, as a whole: the array is the body, not a buffer around it.
     *
     * @throws BodyDecodingException if the body is not a valid {@code T}
     */
    T read(byte[] body);

    /**
     * Decodes a body as it streams in, without copying it into memory first. Reads to the end of the value
     * and does not close the stream.
     *
     * @throws BodyDecodingException if the body is not a valid {@code T}
     * @throws IOException if reading the stream fails
     */
    T read(InputStream body) throws IOException;
}
