package dev.ward.undertow.internal;

import dev.ward.Response;
import dev.ward.internal.ResponseBodies;
import dev.ward.undertow.BodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encodes a route's JSON results with its codec's writer, into a buffer that becomes the response's body as it is:
 * no copy after the writer. The buffer starts at the size of the route's previous result (within
 * {@link #MIN_CAPACITY} and {@link #MAX_INITIAL_CAPACITY}), so a route answering results of one size allocates
 * exactly that once per request; a larger result grows it by doubling, as the writer fills it.
 */
final class ResultEncoder {
    private static final ResponseBodies.Access BODIES = ResponseBodies.access();
    static final int MIN_CAPACITY = 256;
    /** A route's one huge result never makes its next ones start with more than this. */
    static final int MAX_INITIAL_CAPACITY = 64 * 1024;

    private final BodyWriter<Object> writer;
    /**
     * The size of the route's previous result; written and read by its requests without synchronization: a stale
     * value only changes where the buffer starts.
     */
    private int lastSize = MIN_CAPACITY;

    @SuppressWarnings("unchecked")
    ResultEncoder(BodyWriter<?> writer) {
        this.writer = (BodyWriter<Object>) writer;
    }

    /**
     * {@code head} with {@code value} encoded as its {@code application/json} body; encoded before anything is
     * sent, so a writer failure is an ordinary failure of the route, never half a body.
     */
    Response encode(Response head, Object value, String routeName) {
        Buffer out = new Buffer(Math.min(Math.max(lastSize, MIN_CAPACITY), MAX_INITIAL_CAPACITY));
        try {
            writer.write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding the result of route " + routeName + " failed", e);
        }
        lastSize = out.size;
        return BODIES.adopt(head, out.bytes, out.size, MediaTypes.JSON);
    }

    /** An unsynchronized {@code ByteArrayOutputStream} whose array is handed over, not copied. */
    static final class Buffer extends OutputStream {
        private byte[] bytes;
        private int size;

        Buffer(int capacity) {
            bytes = new byte[capacity];
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, source.length);
            ensure(length);
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        private void ensure(int more) {
            if (more > bytes.length - size) {
                long needed = (long) size + more;
                if (needed > Integer.MAX_VALUE - 8) {
                    throw new OutOfMemoryError("an encoded result over 2 GiB");
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8,
                        Math.max(needed, 2L * bytes.length)));
            }
        }
    }
}
