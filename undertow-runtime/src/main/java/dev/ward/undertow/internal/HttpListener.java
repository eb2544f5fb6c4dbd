package dev.ward.undertow.internal;

import io.undertow.UndertowOptions;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpOpenListener;
import io.undertow.util.Headers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * The plain HTTP listener, opened as {@code Undertow.start()} opens one (same worker, socket and buffer settings),
 * with one addition Undertow has no hook for: each connection's bytes pass a {@link RequestLineConduit} before
 * Undertow's parser reads them, and the root handler asks it for the version of each request line.
 */
final class HttpListener {
    /** Buffers kept for reuse by a server on virtual threads: 256 × 16 KiB = 4 MiB at most. */
    static final int SHARED_BUFFERS = 256;
    /** The request-line reader of each open connection; an entry leaves when its connection closes. */
    private final Map<StreamConnection, RequestLineConduit> lines = new ConcurrentHashMap<>();
    private XnioWorker worker;
    private AcceptingChannel<StreamConnection> channel;

    /**
     * Starts listening. {@code root} sees every request; before it runs, an unsupported protocol version is put on
     * the exchange as {@link RequestLine#UNSUPPORTED_VERSION}. {@code virtualThreads}: handlers run on a new
     * virtual thread each, so buffers are pooled for the server, not per thread.
     */
    void start(String host, int port, int ioThreads, boolean virtualThreads, OptionMap serverOptions, HttpHandler root)
            throws IOException {
        worker = XnioPreload.xnio().createWorker(OptionMap.builder()
                .set(Options.WORKER_IO_THREADS, ioThreads)
                .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
                .set(Options.CONNECTION_LOW_WATER, 1_000_000)
                // Ward never runs work on XNIO's own task pool; keep it small.
                .set(Options.WORKER_TASK_CORE_THREADS, 2)
                .set(Options.WORKER_TASK_MAX_THREADS, 2)
                .set(Options.TCP_NODELAY, true)
                .set(Options.CORK, true)
                .getMap());
        try {
            HttpOpenListener http = new HttpOpenListener(buffers(virtualThreads), OptionMap.builder()
                    .set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
                    // HTTP/1.1 connections are persistent unless one side says "close": Undertow's default header
                    // on every answer is 24 bytes of nothing. HTTP/1.0 still needs it, see keepAlive.
                    .set(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, false)
                    .addAll(serverOptions)
                    .getMap());
            http.setRootHandler(exchange -> {
                versionOf(exchange);
                keepAlive(exchange);
                root.handleRequest(exchange);
            });
            channel = worker.createStreamConnectionServer(new InetSocketAddress(InetAddress.getByName(host), port),
                    ChannelListeners.openListenerAdapter(connection -> {
                        RequestLineConduit line = new RequestLineConduit(connection.getSourceChannel().getConduit());
                        connection.getSourceChannel().setConduit(line);
                        lines.put(connection, line);
                        connection.setCloseListener(closed -> lines.remove(closed));
                        http.handleEvent(connection);
                    }),
                    OptionMap.builder()
                            .set(Options.WORKER_IO_THREADS, ioThreads)
                            .set(Options.TCP_NODELAY, true)
                            .set(Options.REUSE_ADDRESSES, true)
                            .set(Options.BALANCING_TOKENS, 1)
                            .set(Options.BALANCING_CONNECTIONS, 2)
                            .set(Options.BACKLOG, 1000)
                            .getMap());
            channel.resumeAccepts();
        } catch (IOException | RuntimeException e) {
            worker.shutdownNow();
            throw e;
        }
    }

    /**
     * Undertow's choice: 16 KiB direct buffers, smaller ones on a small heap, kept per thread (4 each) and nowhere
     * else (Undertow's pool frees every buffer that no thread's cache takes, its {@code -1} maximum being below any
     * size). A thread's cache is an object with a finalizer, registered under a global lock: a virtual thread, which
     * writes one response and dies, would take its buffer with it until a GC and the finalizer, so the pool would
     * allocate a new direct buffer for nearly every response. On virtual threads: no per-thread cache, and a shared
     * pool of at most {@value #SHARED_BUFFERS} buffers (docs/performance.md, "Peers and the tail").
     */
    private static DefaultByteBufferPool buffers(boolean virtualThreads) {
        long heap = Runtime.getRuntime().maxMemory();
        int shared = virtualThreads ? SHARED_BUFFERS : -1;
        int perThread = virtualThreads ? 0 : 4;
        if (heap < 64L * 1024 * 1024) {
            return new DefaultByteBufferPool(false, 512, shared, perThread);
        }
        return heap < 128L * 1024 * 1024 ? new DefaultByteBufferPool(true, 1024, shared, perThread)
                : new DefaultByteBufferPool(true, 16 * 1024 - 20, shared, perThread);
    }

    /** Passes the request line's verdict to the exchange, and has its reader follow the connection's next request. */
    private void versionOf(HttpServerExchange exchange) {
        RequestLineConduit line = exchange.getConnection() instanceof AbstractServerConnection connection
                ? lines.get(connection.getChannel()) : null;
        if (line == null) {
            return;
        }
        exchange.addExchangeCompleteListener(line);
        String refused = line.takeRefusedVersion();
        if (refused != null) {
            exchange.putAttachment(RequestLine.UNSUPPORTED_VERSION, refused);
        }
    }

    /**
     * An HTTP/1.0 client keeps its connection only if the answer says {@code Connection: keep-alive}. Should the
     * exchange stop being persistent later, Undertow replaces the header with {@code close} as it writes the head.
     */
    private static void keepAlive(HttpServerExchange exchange) {
        if (exchange.isHttp10() && exchange.isPersistent()) {
            exchange.getResponseHeaders().put(Headers.CONNECTION, Headers.KEEP_ALIVE.toString());
        }
    }

    int port() {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    /** Stops accepting, closes the connections and waits at most {@code waitMillis} for the I/O threads. */
    void stop(long waitMillis) {
        IoUtils.safeClose(channel);
        if (worker == null) {
            return;
        }
        worker.shutdown();
        try {
            if (!worker.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
