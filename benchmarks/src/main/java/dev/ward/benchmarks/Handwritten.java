package dev.ward.benchmarks;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.undertow.Undertow;
import io.undertow.io.AsyncSenderImpl;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.xnio.XnioExecutor;

/**
 * The references Ward is measured against, written the way a careful engineer would on raw Undertow:
 * {@code /io} answers on the I/O thread (the stack's limit), and {@code /echo} sends the body back there;
 * {@code /dispatch} moves to a bounded worker pool;
 * {@code /guarded} adds what {@code @Recover @Traced @Timeout} give (try/catch into a 500, a Micrometer timer with
 * its {@code .active} long-task timer and an in-flight gauge, an I/O-thread deadline timer with a compare-and-set
 * gate) and the request id every Ward route answers with; {@code /full} adds a bounded body buffer and a failure
 * hand-off at completion, like {@code @ReplayBody @Compensable}.
 */
public final class Handwritten {
    private static final ByteBuffer HELLO = ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
    private static final String TEXT = "text/plain; charset=UTF-8";
    private static final int MAX_BODY = 1 << 20;
    private static final HttpString X_REQUEST_ID = new HttpString("X-Request-Id");

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
        RouteMeters guardedMeters = RouteMeters.of(meters, "/guarded");
        RouteMeters fullMeters = RouteMeters.of(meters, "/full");
        RoutingHandler routes = new RoutingHandler(false)
                .get("/io", exchange -> text(exchange, HELLO.duplicate()))
                .post("/echo", exchange -> exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
                    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/octet-stream");
                    ex.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
                    ex.getResponseSender().send(ByteBuffer.wrap(body));
                }))
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
                .get("/guarded", exchange -> guarded(exchange, workers, guardedMeters, null, failures))
                .post("/full", exchange -> {
                    if (exchange.getRequestContentLength() > MAX_BODY) {
                        exchange.setStatusCode(413);
                        exchange.setPersistent(false);
                        exchange.endExchange();
                        return;
                    }
                    exchange.getRequestReceiver().receiveFullBytes((ex, body) ->
                            guarded(ex, workers, fullMeters, body, failures));
                });
        return Undertow.builder().addHttpListener(port, "127.0.0.1").setHandler(routes).build();
    }

    /** The hand-written equivalent of Ward's gate: first of result, failure or deadline writes; the rest are dropped. */
    private static void guarded(HttpServerExchange exchange, ExecutorService workers, RouteMeters meters, byte[] body,
                                LongAdder failures) {
        long start = System.nanoTime();
        exchange.getResponseHeaders().put(X_REQUEST_ID, requestId(exchange.getRequestHeaders().getFirst(X_REQUEST_ID)));
        LongTaskTimer.Sample active = meters.active().start();
        meters.inFlight().incrementAndGet();
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
            active.stop();
            meters.timer().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            meters.inFlight().decrementAndGet();
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

    /**
     * What Ward's {@code @Traced} records for a route, written by hand: a timer, the {@code .active} long-task timer
     * Micrometer's HTTP instrumentation pairs with it, and an in-flight gauge.
     */
    private record RouteMeters(Timer timer, LongTaskTimer active, AtomicInteger inFlight) {
        static RouteMeters of(MeterRegistry meters, String uri) {
            return new RouteMeters(Timer.builder("hand.requests").tag("uri", uri).register(meters),
                    LongTaskTimer.builder("hand.requests.active").tag("uri", uri).register(meters),
                    meters.gauge("hand.requests.in.flight", Tags.of("uri", uri), new AtomicInteger()));
        }
    }

    /** The request id every Ward response carries: the client's when it is short and safe, else 16 random hex digits. */
    private static String requestId(String incoming) {
        if (incoming != null && incoming.length() <= 64 && incoming.chars().allMatch(c -> c < 128
                && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == ':' || c == '-'))) {
            return incoming;
        }
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }

    private static void text(HttpServerExchange exchange, ByteBuffer body) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, TEXT);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.remaining());
        new AsyncSenderImpl(exchange).send(body);
    }
}
