package dev.ward.benchmarks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.undertow.Undertow;
import io.undertow.io.AsyncSenderImpl;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.xnio.XnioExecutor;

/**
 * The references Ward is measured against, written the way a careful engineer would on raw Undertow:
 * {@code /io} answers on the I/O thread (the stack's limit); {@code /dispatch} moves to a bounded worker pool;
 * {@code /guarded} adds what {@code @Recover @Traced @Timeout} give (try/catch into a 500, a Micrometer timer,
 * an I/O-thread deadline timer with a compare-and-set gate); {@code /full} adds a bounded body buffer and a
 * failure hand-off at completion, like {@code @ReplayBody @Compensable}.
 */
public final class Handwritten {
    private static final ByteBuffer HELLO = ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
    private static final String TEXT = "text/plain; charset=UTF-8";
    private static final int MAX_BODY = 1 << 20;

    private Handwritten() {
    }

    public static Undertow server(int port, MeterRegistry meters) {
        ExecutorService workers = new ThreadPoolExecutor(64, 64, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024),
                task -> {
                    Thread worker = new Thread(task, "reference-worker");
                    worker.setDaemon(true); // the reference is never stopped gracefully; it must not keep the JVM up
                    return worker;
                });
        LongAdder failures = new LongAdder();
        Timer guardedTimer = Timer.builder("hand.requests").tag("uri", "/guarded").register(meters);
        Timer fullTimer = Timer.builder("hand.requests").tag("uri", "/full").register(meters);
        RoutingHandler routes = new RoutingHandler(false)
                .get("/io", exchange -> text(exchange, HELLO.duplicate()))
                .get("/dispatch", new HttpHandler() {
                    @Override
                    public void handleRequest(HttpServerExchange exchange) {
                        if (exchange.isInIoThread()) {
                            exchange.dispatch(workers, this);
                            return;
                        }
                        text(exchange, HELLO.duplicate());
                    }
                })
                .get("/guarded", exchange -> guarded(exchange, workers, guardedTimer, null, failures))
                .post("/full", exchange -> {
                    if (exchange.getRequestContentLength() > MAX_BODY) {
                        exchange.setStatusCode(413);
                        exchange.setPersistent(false);
                        exchange.endExchange();
                        return;
                    }
                    exchange.getRequestReceiver().receiveFullBytes((ex, body) ->
                            guarded(ex, workers, fullTimer, body, failures));
                });
        return Undertow.builder().addHttpListener(port, "127.0.0.1").setHandler(routes).build();
    }

    /** The hand-written equivalent of Ward's gate: first of result, failure or deadline writes; the rest are dropped. */
    private static void guarded(HttpServerExchange exchange, ExecutorService workers, Timer timer, byte[] body,
                                LongAdder failures) {
        long start = System.nanoTime();
        AtomicInteger gate = new AtomicInteger();
        XnioExecutor.Key deadline = exchange.getIoThread().executeAfter(() -> {
            if (gate.compareAndSet(0, 2)) {
                exchange.setStatusCode(503);
                exchange.setPersistent(false);
                exchange.endExchange();
            }
        }, 1000, TimeUnit.MILLISECONDS);
        exchange.addExchangeCompleteListener((done, next) -> {
            deadline.remove();
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (body != null && done.getStatusCode() >= 500) {
                failures.increment(); // where a compensation would be handed off
            }
            next.proceed();
        });
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> {
            try {
                workers.execute(() -> {
                    try {
                        ByteBuffer answer = body == null ? HELLO.duplicate()
                                : ByteBuffer.wrap(("got " + body.length).getBytes(StandardCharsets.UTF_8));
                        if (gate.compareAndSet(0, 1)) {
                            text(exchange, answer);
                        }
                    } catch (Throwable failure) {
                        if (gate.compareAndSet(0, 1)) {
                            exchange.setStatusCode(500);
                            exchange.endExchange();
                        }
                    }
                });
            } catch (RejectedExecutionException full) {
                exchange.setStatusCode(503);
                exchange.endExchange();
            }
        });
    }

    private static void text(HttpServerExchange exchange, ByteBuffer body) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, TEXT);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.remaining());
        new AsyncSenderImpl(exchange).send(body);
    }
}
