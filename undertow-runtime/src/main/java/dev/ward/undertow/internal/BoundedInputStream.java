package dev.ward.undertow.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails with a 413 once more than {@code limit} bytes are read: Undertow does not bound chunked bodies itself.
 * The 413 answer closes the connection, which is what discards the unread rest. A truncated body is a 400.
 */
final class BoundedInputStream extends FilterInputStream {
    private final long limit;
    private long read;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = readOrRefuse(() -> super.read());
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = readOrRefuse(() -> super.read(buffer, offset, length));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private interface Read {
        int read() throws IOException;
    }

    /**
     * A body that ends early or is malformed is the client's doing: a 400, not a server failure. (Undertow
     * reports both as an {@code IOException} from the stream.)
     */
    private static int readOrRefuse(Read read) {
        try {
            return read.read();
        } catch (IOException e) {
            throw BindException.bodyUnreadable();
        }
    }

    /** Once over the limit, closing must not drain the rest: the client may never stop sending. */
    @Override
    public void close() throws IOException {
        if (read <= limit) {
            super.close();
        }
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            throw BindException.bodyTooLarge(limit);
        }
    }
}
