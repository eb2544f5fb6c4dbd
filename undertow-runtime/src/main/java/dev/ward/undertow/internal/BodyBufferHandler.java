package dev.ward.undertow.internal;

import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.xnio.ChannelListener;
import org.xnio.XnioExecutor;
import org.xnio.channels.StreamSourceChannel;

/**
 * Reads the whole body on the I/O thread without blocking, straight from the request channel into memory bounded
 * by {@code limit}, before a worker is taken. A declared length over the limit is refused before reading; a chunked body is counted as it
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
        // Neither a length nor chunks: the request has no body (Undertow has already ended its channel).
        if (declared == 0 || declared < 0 && exchange.isRequestComplete()) {
            routeExchange.body(EMPTY);
            next.handleRequest(exchange);
            return;
        }
        StreamSourceChannel channel = exchange.getRequestChannel();
        if (channel == null) {
            routeExchange.reject(BindException.bodyUnreadable());
            return;
        }
        Reading reading = new Reading(exchange, routeExchange, channel, declared > 0
                ? new Accumulator((int) declared, true) : new Accumulator(Math.min(limit, FIRST_CHUNKED_CAPACITY), false));
        if (reading.readAvailable()) {
            reading.finish(false);
            return;
        }
        // Still waiting for bytes: read them as they arrive, on this same I/O thread. A client that trickles its
        // body (slowloris) gets a 408 instead of holding the buffer forever.
        channel.getReadSetter().set(reading);
        channel.resumeReads();
        reading.timer = exchange.getIoThread().executeAfter(reading::tooSlow, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** One body being read straight from the request channel into its buffer: no chunk arrays in between. */
    private final class Reading implements ChannelListener<StreamSourceChannel> {
        private final HttpServerExchange exchange;
        private final RouteExchange routeExchange;
        private final StreamSourceChannel channel;
        private final Accumulator body;
        private int outcome = Accumulator.MORE;
        private boolean unreadable;
        /** The body-timeout timer, armed only when the body did not arrive with the request's first read. */
        private XnioExecutor.Key timer;

        Reading(HttpServerExchange exchange, RouteExchange routeExchange, StreamSourceChannel channel,
                Accumulator body) {
            this.exchange = exchange;
            this.routeExchange = routeExchange;
            this.channel = channel;
            this.body = body;
        }

        /** Reads what has arrived; whether the reading is over (the whole body, too much, or a broken one). */
        boolean readAvailable() {
            try {
                outcome = body.readFrom(channel, limit);
            } catch (IOException broken) {
                unreadable = true;
            }
            return unreadable || outcome != Accumulator.MORE;
        }

        @Override
        public void handleEvent(StreamSourceChannel ready) {
            if (outcome == Accumulator.MORE && !unreadable && readAvailable()) {
                ready.suspendReads();
                ready.getReadSetter().set(null);
                if (timer != null) {
                    timer.remove();
                }
                finish(true);
            }
        }

        /** Hands the body on, or refuses it; from the read listener, as Undertow's root handler would run it. */
        void finish(boolean fromListener) {
            if (!fromListener) {
                complete(exchange);
                return;
            }
            Connectors.executeRootHandler(this::complete, exchange);
        }

        private void complete(HttpServerExchange ex) {
            if (unreadable) {
                routeExchange.reject(BindException.bodyUnreadable());
            } else if (outcome == Accumulator.TOO_LARGE) {
                // Reading on would only count the rest against Undertow's limit, which resets the connection.
                BodyLimits.tooLarge(ex, routeExchange, limit);
            } else {
                routeExchange.body(body.bytes());
                try {
                    next.handleRequest(ex);
                } catch (Exception e) {
                    routeExchange.failedBeforeHandler(e);
                }
            }
        }

        void tooSlow() {
            if (outcome == Accumulator.MORE && !unreadable) {
                outcome = Accumulator.TIMED_OUT;
                channel.suspendReads();
                routeExchange.reject(BindException.bodyTooSlow(timeoutMillis));
            }
        }
    }

    /**
     * A growable array that never grows past the limit: the memory a request can hold, whatever it sends. A
     * declared length is allocated once and filled in place.
     */
    static final class Accumulator {
        static final int MORE = 0;
        static final int DONE = 1;
        static final int TOO_LARGE = 2;
        static final int TIMED_OUT = 3;

        private byte[] bytes;
        private int size;
        /** Filled in place over the array, made again only when the array grows. */
        private ByteBuffer view;
        /** The capacity is the declared length: the body ends when it is full. */
        private final boolean exact;

        Accumulator(int capacity, boolean exact) {
            bytes = new byte[capacity];
            this.exact = exact;
        }

        /**
         * Reads what {@code channel} has now: {@link #DONE} at the body's end, {@link #TOO_LARGE} past
         * {@code limit} (letting go of the buffer), {@link #MORE} when nothing more has arrived yet.
         *
         * @throws IOException if the channel fails, or a declared body ends short
         */
        int readFrom(ReadableByteChannel channel, int limit) throws IOException {
            while (true) {
                if (size == bytes.length) {
                    if (exact) {
                        return DONE;
                    }
                    if (bytes.length >= limit) {
                        // Full at the limit: the body fits only if the channel ends right here.
                        int more = channel.read(ByteBuffer.allocate(1));
                        if (more == 0) {
                            return MORE;
                        }
                        if (more < 0) {
                            return DONE;
                        }
                        bytes = null;
                        return TOO_LARGE;
                    }
                    bytes = Arrays.copyOf(bytes, (int) Math.min(limit, 2L * bytes.length));
                    view = null;
                }
                if (view == null) {
                    view = ByteBuffer.wrap(bytes);
                }
                view.limit(bytes.length).position(size);
                int read = channel.read(view);
                if (read < 0) {
                    if (exact) {
                        throw new IOException("the body ended after " + size + " of its " + bytes.length + " bytes");
                    }
                    return DONE;
                }
                if (read == 0) {
                    return MORE;
                }
                size += read;
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
