package dev.ward.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A streamed body checked by a {@link LimitScanner} as the parser reads it; never closes the body. */
final class ScanningInputStream extends FilterInputStream {
    private final LimitScanner scanner;
    private final byte[] single = new byte[1];

    ScanningInputStream(InputStream body, LimitScanner scanner) {
        super(body);
        this.scanner = scanner;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            single[0] = (byte) b;
            scanner.scan(single, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = in.read(buffer, offset, length);
        if (read > 0) {
            scanner.scan(buffer, offset, read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would escape the scan: read them instead.
        byte[] discard = new byte[(int) Math.min(n, 8192)];
        int read = read(discard, 0, discard.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // The body belongs to the caller.
    }
}
