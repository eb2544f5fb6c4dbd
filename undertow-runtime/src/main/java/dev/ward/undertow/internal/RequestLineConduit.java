package dev.ward.undertow.internal;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Reads the protocol version of each request line as the bytes come off the socket, because Undertow's parser
 * forgets it: it serves any version it does not know ({@code HTTP/9.9}) as the very {@code HTTP/1.1} of a real
 * HTTP/1.1 request, and refuses {@code HTTP/2.0} with a bare 400 as an HTTP/2 preface it is not set up for.
 *
 * <p>One per connection, below Undertow's parser. It scans only from the start of a request head to the minor
 * digit of its version (the third token of the first line), then lets bytes pass untouched until the next head
 * starts: the connection's first byte, and then, when an exchange completes, Undertow's own next parse
 * position — the unread bytes it keeps for a pipelined request, else the next byte off the socket (see
 * {@link #exchangeEvent}). A version whose major digit is not 1 is remembered for the handler, which answers 505,
 * and its minor digit becomes {@code 1} before the parser sees it, so that Undertow takes it for a version it does
 * not know (HTTP/1.1) and the request reaches Ward's handler instead of the HTTP/2 path. An HTTP/1.x version
 * ({@code HTTP/1.2} too, RFC 9110 §2.5) is not touched. Whatever else is malformed is left to the parser.
 *
 * <p>Undertow hands a connection from thread to thread (its I/O thread, a worker for a pipelined request) through
 * an executor or a compare-and-set, and never reads it on two threads at once, so plain fields suffice.
 */
final class RequestLineConduit extends AbstractStreamSourceConduit<StreamSourceConduit>
        implements ExchangeCompletionListener {
    private static final byte[] PROTOCOL = {'H', 'T', 'T', 'P', '/'};

    /** Whether the current head's version is still to be seen. */
    private boolean scanning = true;
    /** Spaces seen on the request line; the version follows the second. */
    private int spaces;
    /** Bytes of the version seen so far. */
    private int versionIndex;
    private byte major;
    /** The version of the current request when its major digit is not 1; null otherwise. */
    private String refused;

    RequestLineConduit(StreamSourceConduit next) {
        super(next);
    }

    /** The unsupported version of the request whose head was just parsed, or null; asked once per request. */
    String takeRefusedVersion() {
        String version = refused;
        refused = null;
        return version;
    }

    /**
     * The exchange is complete, its body read to the end: the next request's head starts at the bytes Undertow
     * still holds for it, if any, and otherwise at the next byte off the socket. Runs before Undertow's own
     * listener, which starts that parse.
     */
    @Override
    public void exchangeEvent(HttpServerExchange exchange, NextListener next) {
        try {
            scanning = true;
            spaces = 0;
            versionIndex = 0;
            refused = null;
            PooledByteBuffer unread = exchange.getConnection() instanceof AbstractServerConnection connection
                    ? connection.getExtraBytes() : null;
            if (unread != null) {
                ByteBuffer bytes = unread.getBuffer();
                scan(bytes, bytes.position(), bytes.limit());
            }
        } finally {
            next.proceed();
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        int read = next.read(dst);
        if (scanning && read > 0) {
            scan(dst, start, dst.position());
        }
        return read;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
        if (!scanning) {
            return next.read(dsts, offs, len);
        }
        int[] starts = new int[len];
        for (int i = 0; i < len; i++) {
            starts[i] = dsts[offs + i].position();
        }
        long read = next.read(dsts, offs, len);
        for (int i = 0; i < len && scanning && read > 0; i++) {
            scan(dsts[offs + i], starts[i], dsts[offs + i].position());
        }
        return read;
    }

    // Undertow parses heads with read(ByteBuffer); transfers only ever move bodies. Should one start while a
    // version is still to be seen, it goes through read, so that no head byte passes unseen.
    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        return scanning ? target.transferFrom(new ConduitReadableByteChannel(this), position, count)
                : next.transferTo(position, count, target);
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        return scanning ? Conduits.transfer(this, count, throughBuffer, target)
                : next.transferTo(count, throughBuffer, target);
    }

    /** Follows the request line through {@code bytes[from, to)}, rewriting a refused version's minor digit. */
    private void scan(ByteBuffer bytes, int from, int to) {
        for (int i = from; i < to && scanning; i++) {
            byte b = bytes.get(i);
            if (b == '\n') {
                scanning = false; // the line ended before a whole version: the parser refuses it
            } else if (spaces < 2) {
                if (b == ' ') {
                    spaces++;
                }
            } else {
                version(bytes, i, b);
            }
        }
    }

    private void version(ByteBuffer bytes, int at, byte b) {
        int index = versionIndex++;
        if (index < PROTOCOL.length) {
            scanning = b == PROTOCOL[index];
        } else if (index == 5) {
            major = b;
            scanning = isDigit(b);
        } else if (index == 6) {
            scanning = b == '.';
        } else {
            scanning = false;
            if (isDigit(b) && major != '1') {
                refused = "HTTP/" + (char) major + '.' + (char) b;
                // HTTP/<major>.1 is a version Undertow does not know, for every major but 1: parsed as HTTP/1.1.
                bytes.put(at, (byte) '1');
            }
        }
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
