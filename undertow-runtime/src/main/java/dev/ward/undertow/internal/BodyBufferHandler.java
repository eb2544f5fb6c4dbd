package dev.ward.undertow.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.xnio.XnioExecutor;

/**
 * Reads the whole body on the I/O thread without blocking, into memory bounded by {@code limit}, before a worker
 * is taken. A declared length over the limit is refused before reading; a chunked body is counted as it
 * arrives and refused the moment it crosses the limit; a truncated or malformed body is a 400.
 */
final class BodyBufferHandler implements ChainStep {
    private static final byte[] EMPTY = new byte[0];
    private static final int FIRST_CHUNKED_CAPACITY = 8 * 1024;

    private final HttpHandler next;
    /** {@code BUFFERED} or {@code REPLAY}: the same reading, named apart in the chain's description. */
    private final BodyMode mode;
    private final int limit;
    private final long timeoutMillis;

    BodyBufferHandler(HttpHandler next, BodyMode mode, int limit, long timeoutMillis) {
        this.next = next;
        this.mode = mode;
        this.limit = limit;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public HttpHandler next() {
        return next;
    }

    @Override
    public String toString() {
        return "body(" + mode.name().toLowerCase(Locale.ROOT) + ", " + BodyLimits.size(limit) + ")";
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RouteExchange routeExchange = exchange.getAttachment(RouteExchange.ATTACHMENT);
        if (!BodyLimits.admit(exchange, routeExchange, limit)) {
            return;
        }
        // Undertow refuses fixed-length bodies over its own limit (twice the server's); a larger @ReplayBody bound
        // must win for this exchange.
        exchange.setMaxEntitySize(Math.max(limit, exchange.getMaxEntitySize()));
        long declared = exchange.getRequestContentLength();
        if (declared == 0) {
            routeExchange.body(EMPTY);
            next.handleRequest(exchange);
            return;
        }
        Accumulator body = new Accumulator(declared > 0 ? (int) declared : Math.min(limit, FIRST_CHUNKED_CAPACITY));
        exchange.getRequestReceiver().receivePartialBytes((ex, chunk, last) -> {
            if (body.refused) {
                return;
            }
            if (!body.add(chunk, limit)) {
                body.disarm();
                // Reading on would only count the rest against Undertow's limit, which resets the connection.
                ex.getRequestReceiver().pause();
                BodyLimits.tooLarge(ex, routeExchange, limit);
                return;
            }
            boolean whole = last || body.size == declared;
            if (whole && !last) {
                // The declared length is in: stop here rather than let the receiver resume reads to see the end.
                // That resume leaves a read-ready wakeup queued on the I/O thread, and when a worker completes the
                // exchange first, the wakeup finds no read listener and suspends the reads Undertow has just
                // resumed for the connection's next request, which is then never read (docs/reliability.md).
                ex.getRequestReceiver().pause();
            }
            if (whole) {
                body.complete = true;
                body.disarm();
                routeExchange.body(body.bytes());
                try {
                    next.handleRequest(ex);
                } catch (Exception e) {
                    routeExchange.failedBeforeHandler(e);
                }
            }
        }, (ex, error) -> {
            body.disarm();
            if (body.refused) {
                return;
            }
            body.refused = true;
            routeExchange.reject(BindException.bodyUnreadable());
        });
        if (!body.complete && !body.refused) {
            // Still waiting for bytes (the callbacks above run on this same I/O thread, so this cannot race them).
            // A client that trickles its body (slowloris) gets a 408 instead of holding the buffer forever.
            body.timer = exchange.getIoThread().executeAfter(() -> {
                if (!body.refused && !body.complete) {
                    body.refused = true;
                    routeExchange.reject(BindException.bodyTooSlow(timeoutMillis));
                }
            }, timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** A growable array that never grows past the limit: the memory a request can hold, whatever it sends. */
    static final class Accumulator {
        private byte[] bytes;
        private int size;
        private boolean refused;
        private boolean complete;
        /** The body-timeout timer, armed only when the body did not arrive with the request's first read. */
        private XnioExecutor.Key timer;

        Accumulator(int capacity) {
            bytes = new byte[capacity];
        }

        boolean add(byte[] chunk, int limit) {
            if (chunk.length > limit - size) {
                refused = true;
                bytes = null;
                return false;
            }
            if (size + chunk.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(2L * bytes.length, size + chunk.length)));
            }
            System.arraycopy(chunk, 0, bytes, size, chunk.length);
            size += chunk.length;
            return true;
        }

        void disarm() {
            if (timer != null) {
                timer.remove();
            }
        }

        int capacity() {
            return bytes == null ? 0 : bytes.length;
        }

        byte[] bytes() {
            return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        }
    }
}
