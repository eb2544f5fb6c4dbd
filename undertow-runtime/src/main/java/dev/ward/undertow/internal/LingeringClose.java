package dev.ward.undertow.internal;

import io.undertow.server.AbstractServerConnection;
import io.undertow.server.Connectors;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.XnioExecutor;
import org.xnio.conduits.ConduitStreamSinkChannel;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * Closes a connection whose request body was refused (413, 408, 400) without destroying the answer. The client
 * may still be sending the body; closing with its bytes unread makes the kernel send a reset, and a reset makes
 * the client's TCP stack drop the answer it has not read yet. So, once the answer is sent, this sends the end
 * of the server's side, then reads and discards what still arrives, until the client closes its side or
 * {@link #MAX_BYTES} or {@link #MAX_TIME} is reached, and only then lets Undertow close the connection.
 *
 * <p>It runs as the exchange's first completion listener, so the request's other completion work (its
 * completion steps, the access log line) waits for the discard to end: at most {@link #MAX_TIME}.
 */
final class LingeringClose implements ExchangeCompletionListener {
    /** The most a refused client may still send before the connection is closed on it anyway. */
    static final long MAX_BYTES = 16L * 1024 * 1024;
    /** The longest a refused client may keep sending before the connection is closed on it anyway. */
    static final Duration MAX_TIME = Duration.ofSeconds(5);
    private static final LingeringClose INSTANCE = new LingeringClose();

    private LingeringClose() {
    }

    /** The connection will close after this exchange, lingeringly. Call before the answer is written. */
    static void arm(HttpServerExchange exchange) {
        if (exchange.isComplete()) {
            return; // Undertow has closed the connection already
        }
        exchange.setPersistent(false);
        exchange.addExchangeCompleteListener(INSTANCE);
        // Undertow would otherwise drain the rest through its body conduits when the exchange ends, and they close
        // the connection (a reset) once a body passes Undertow's own size limit.
        Connectors.terminateRequest(exchange);
    }

    @Override
    public void exchangeEvent(HttpServerExchange exchange, NextListener next) {
        if (!(exchange.getConnection() instanceof AbstractServerConnection connection)) {
            next.proceed();
            return;
        }
        // Channels and their listeners belong to the connection's I/O thread; the exchange may end on a worker.
        try {
            connection.getIoThread().execute(() -> new Discard(connection, next).start());
        } catch (RejectedExecutionException stopping) {
            next.proceed(); // the server is stopping: no discarding, but the exchange must still end
        }
    }

    /** The reads and discards of one connection, on its I/O thread. */
    private static final class Discard implements ChannelListener<ConduitStreamSourceChannel> {
        private final AbstractServerConnection connection;
        private final NextListener next;
        private final ByteBuffer scratch = ByteBuffer.allocate(16 * 1024);
        private ConduitStreamSourceChannel source;
        private XnioExecutor.Key timer;
        private long discarded;
        private boolean done;

        Discard(AbstractServerConnection connection, NextListener next) {
            this.connection = connection;
            this.next = next;
        }

        void start() {
            // The answer may still sit in the response's buffer: it goes out before the server's side is shut.
            ConduitStreamSinkChannel response = connection.getChannel().getSinkChannel();
            try {
                if (!response.flush()) {
                    response.getWriteSetter().set(ChannelListeners.flushingChannelListener(
                            flushed -> discard(), (channel, failure) -> finish()));
                    response.resumeWrites();
                    return;
                }
            } catch (IOException e) {
                finish();
                return;
            }
            discard();
        }

        private void discard() {
            try {
                // The raw socket both ways: the request's body framing and the response are done with.
                connection.clearChannel();
                connection.getChannel().getSinkChannel().shutdownWrites();
                connection.getChannel().getSinkChannel().flush();
            } catch (IOException e) {
                finish();
                return;
            }
            source = connection.getChannel().getSourceChannel();
            timer = connection.getIoThread().executeAfter(this::finish, MAX_TIME.toMillis(), TimeUnit.MILLISECONDS);
            source.getReadSetter().set(this);
            handleEvent(source);
        }

        @Override
        public void handleEvent(ConduitStreamSourceChannel channel) {
            try {
                int read;
                while ((read = channel.read(scratch)) > 0) {
                    scratch.clear();
                    discarded += read;
                    if (discarded > MAX_BYTES) {
                        finish();
                        return;
                    }
                }
                if (read < 0) {
                    finish();
                } else {
                    channel.resumeReads();
                }
            } catch (IOException e) {
                finish();
            }
        }

        /** Hands the connection back to Undertow, which closes it (at once, the client having closed its side). */
        private void finish() {
            if (done) {
                return;
            }
            done = true;
            if (timer != null) {
                timer.remove();
            }
            if (source != null) {
                source.suspendReads();
                source.getReadSetter().set(null);
            }
            next.proceed();
        }
    }
}
