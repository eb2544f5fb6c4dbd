package dev.ward.benchmarks;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.HostHeaderHandler;
import io.undertow.util.Headers;
import io.undertow.util.Protocols;

/**
 * Two costs of Undertow itself that every request on raw Undertow and on Ward pays, timed in this thread alone: the
 * {@code Host} check Undertow runs before any root handler (its {@code HostHeaderHandler}, which has no option to
 * turn it off), for a Host that looks like an IPv4 address, as wrk sends to 127.0.0.1, and for one by name; and its
 * buffer pool's allocate-and-free, twice (a request's read and its response head), with the per-thread cache that
 * Ward uses on platform threads and with the shared queue it uses on virtual threads. Run as docs/performance.md,
 * "Round three", says.
 */
public final class UndertowFloorProbe {
    private static final int CALLS = 2_000_000;
    private static final int ROUNDS = 5;
    private static volatile Object sink;

    private UndertowFloorProbe() {
    }

    public static void main(String[] args) throws Exception {
        HostHeaderHandler hostCheck = new HostHeaderHandler(exchange -> sink = exchange);
        HttpServerExchange byAddress = exchange("127.0.0.1:18501");
        HttpServerExchange byName = exchange("localhost:18501");
        DefaultByteBufferPool perThread = new DefaultByteBufferPool(true, 16 * 1024 - 20, -1, 4);
        DefaultByteBufferPool shared = new DefaultByteBufferPool(true, 16 * 1024 - 20, 256, 0);
        for (int round = 1; round <= ROUNDS; round++) {
            System.out.printf("round %d (the first warms up)%n", round);
            long start = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                hostCheck.handleRequest(byAddress);
            }
            report("Host: 127.0.0.1:18501", start);
            start = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                hostCheck.handleRequest(byName);
            }
            report("Host: localhost:18501", start);
            start = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                twoBuffers(perThread);
            }
            report("pool, per-thread cache, 2 buffers", start);
            start = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                twoBuffers(shared);
            }
            report("pool, shared queue, 2 buffers", start);
        }
    }

    private static HttpServerExchange exchange(String host) {
        HttpServerExchange exchange = new HttpServerExchange(null);
        exchange.setProtocol(Protocols.HTTP_1_1);
        exchange.getRequestHeaders().put(Headers.HOST, host);
        return exchange;
    }

    private static void twoBuffers(DefaultByteBufferPool pool) {
        PooledByteBuffer read = pool.allocate();
        PooledByteBuffer head = pool.allocate();
        sink = head;
        head.close();
        read.close();
    }

    private static void report(String what, long startNanos) {
        System.out.printf("  %-36s %7.1f ns per request%n", what, (System.nanoTime() - startNanos) / (double) CALLS);
    }
}
