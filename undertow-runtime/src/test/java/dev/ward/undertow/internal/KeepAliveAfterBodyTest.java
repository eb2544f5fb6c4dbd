package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import io.undertow.server.AbstractServerConnection;
import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.xnio.ChannelListener;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * The soak's lost request (docs/reliability.md, "A lost keep-alive request"): a buffered body that arrives after
 * its head, answered on a worker, then the next request on the same connection.
 *
 * <p>Undertow's body receiver, told to read on once the declared length is in, queues a read-ready wakeup on the
 * I/O thread. When the worker completes the exchange before that wakeup runs, the wakeup may find no read
 * listener, and XNIO then suspends reads: if that suspension lands just after the worker resumed reads for the
 * next request, the next request is never read. The scheduler rarely lines this up (once in about 100,000 soak
 * requests), so this test lines it up itself: the dispatch holds the I/O thread until the handler has put a probe
 * where the wakeup would find no listener, and the probe does what XNIO does then, at the worst moment. Ward's body
 * buffering must leave no such wakeup behind, so the probe must never run.
 */
class KeepAliveAfterBodyTest {
    @Test
    void theNextRequestOnAConnectionIsReadAfterABodyThatCameAfterItsHead() throws Exception {
        AtomicBoolean holdDispatch = new AtomicBoolean(true);
        CountDownLatch probePlaced = new CountDownLatch(1);
        CountDownLatch probeRan = new CountDownLatch(1);
        ThreadPoolExecutor workers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>()) {
            @Override
            public void execute(Runnable task) {
                super.execute(task);
                // On the I/O thread: a fast worker, a late I/O thread, whatever Undertow left queued on it.
                if (holdDispatch.getAndSet(false)) {
                    await(probePlaced, 2_000);
                }
            }
        };
        ChannelListener<ConduitStreamSourceChannel> probe = new ChannelListener<>() {
            @Override
            public void handleEvent(ConduitStreamSourceChannel channel) {
                probeRan.countDown();
                // A read-ready event for a channel without a listener: XNIO suspends reads. Here it does so once
                // the worker has completed the exchange and resumed reads for the next request.
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                while ((channel.getReadListener() == this || !channel.isReadResumed()) && System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                channel.suspendReads();
            }
        };
        try (TestServer server = TestServer.start(registry -> {
            registry.route("POST", "/late-body").bufferBody().handler(ex -> {
                ((AbstractServerConnection) ex.raw().getConnection()).getChannel().getSourceChannel()
                        .setReadListener(probe);
                probePlaced.countDown();
                await(probeRan, 500); // gives a queued wakeup the time to reach the probe
                ex.respond(Response.ok("got " + ex.bodyBytes().length));
            });
            registry.route("GET", "/next").handler(ex -> ex.respond(Response.ok("next")));
        }, builder -> builder.ioThreads(1).executor(workers));
             RawHttp raw = new RawHttp(server.server.port())) {
            raw.write("POST /late-body HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n");
            Thread.sleep(100); // the head is parsed and its handler chain waits for the body
            raw.write("0123456789");
            String first = raw.readResponse();
            assertTrue(first.startsWith("HTTP/1.1 200 ") && first.endsWith("got 10"), first);

            String next;
            try {
                next = raw.readTimeout(3_000).write("GET /next HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            } catch (SocketTimeoutException silence) {
                next = "nothing within 3 s";
            }
            assertTrue(next.startsWith("HTTP/1.1 200 ") && next.endsWith("next"),
                    "the next request on the connection was answered: [" + next + "]");
            assertEquals(1, probeRan.getCount(), "no read-ready wakeup reached the connection after its body");
        } finally {
            workers.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
