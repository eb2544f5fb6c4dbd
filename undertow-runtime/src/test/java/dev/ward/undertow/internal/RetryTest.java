package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code @Retry} over real HTTP: attempts, their bounds (attempts, deadline, budget), and the outcome counters. */
class RetryTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** Fails with an I/O failure (wrapped, as a client library would) until its {@code succeedOn}-th call. */
    private static RouteHandler flaky(AtomicInteger calls, int succeedOn) {
        return exchange -> {
            int call = calls.incrementAndGet();
            if (call < succeedOn) {
                throw new UncheckedIOException(new IOException("connection reset, call " + call));
            }
            exchange.respond(Response.ok("answered by call " + call));
        };
    }

    private double outcome(String outcome) {
        Counter counter = meters.find(WardMetrics.RETRIES).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double count(String name) {
        Counter counter = meters.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    private static RetrySpec quick(int attempts) {
        return RetrySpec.attempts(attempts).delay(5, ChronoUnit.MILLIS).maxDelay(20, ChronoUnit.MILLIS)
                .retryOn(IOException.class);
    }

    @Test
    void aFlakyDependencyThatRecoversOnTheThirdCallIsAnswered200() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/flaky").retry(quick(3))
                .handler(flaky(calls, 3)), builder -> builder.meterRegistry(meters))) {
            HttpResponse<String> response = server.get("/flaky");
            assertEquals(200, response.statusCode());
            assertEquals("answered by call 3", response.body());
            Await.until(() -> outcome(RetryStep.SUCCEEDED) == 1, meters::getMetersAsString);
            assertEquals(2, count(WardMetrics.RETRY_ATTEMPTS));
            assertEquals(3, calls.get());
        }
    }

    @Test
    void retriesEndAtMaxAttemptsWithTheLastFailure() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/down").recover()
                .retry(quick(4)).handler(flaky(calls, Integer.MAX_VALUE)), builder -> builder.meterRegistry(meters));
             LogCapture logs = new LogCapture()) {
            HttpResponse<String> response = server.get("/down");
            assertEquals(500, response.statusCode());
            assertEquals(4, calls.get());
            Await.until(() -> outcome(RetryStep.EXHAUSTED) == 1, meters::getMetersAsString);
            assertTrue(LogCapture.text(logs.records.get(0)).contains("route GET /down failed"), logs.records::toString);
            assertTrue(logs.records.get(0).getThrown().getCause().getMessage().contains("call 4"),
                    "the last attempt's failure is the one answered and logged");
        }
    }

    @Test
    void abortOnWinsAndAFailureOutsideRetryOnIsNotRetried() throws Exception {
        AtomicInteger aborted = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        try (TestServer server = TestServer.start(registry -> {
            registry.route("GET", "/abort").retry(quick(3).abortOn(java.io.FileNotFoundException.class))
                    .handler(exchange -> {
                        aborted.incrementAndGet();
                        throw new UncheckedIOException(new java.io.FileNotFoundException("gone"));
                    });
            registry.route("GET", "/other").retry(quick(3)).handler(exchange -> {
                other.incrementAndGet();
                throw new IllegalStateException("a bug, not a flaky dependency");
            });
        }, builder -> builder.meterRegistry(meters))) {
            assertEquals(500, server.get("/abort").statusCode());
            assertEquals(500, server.get("/other").statusCode());
            Await.until(() -> outcome(RetryStep.ABORTED) == 1, meters::getMetersAsString);
            assertEquals(1, aborted.get());
            assertEquals(1, other.get());
            assertEquals(0, count(WardMetrics.RETRY_ATTEMPTS));
        }
    }

    @Test
    void aBindingFailureIsTheClientsAndNeverRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/q").retry(quick(3))
                .handler(exchange -> {
                    calls.incrementAndGet();
                    exchange.respond(Response.ok(exchange.requiredQuery("q")));
                }), builder -> builder.meterRegistry(meters))) {
            HttpResponse<String> response = server.get("/q");
            assertEquals(400, response.statusCode());
            assertTrue(response.body().contains("query parameter 'q' is required"), response.body());
            assertEquals(1, calls.get());
            assertEquals(0, count(WardMetrics.RETRY_ATTEMPTS));
        }
    }

    @Test
    void retriesStopWhenTheNextAttemptCouldNotFinishBeforeTheDeadline() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        // Attempts at 0, 200 and 600 ms; the next would start at 1,400 ms, past the 1 s deadline: not started.
        RetrySpec spec = RetrySpec.attempts(10).delay(200, ChronoUnit.MILLIS).maxDelay(5, ChronoUnit.SECONDS)
                .jitter(0).retryOn(IOException.class);
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/slowly-down")
                .timeout(1, ChronoUnit.SECONDS).retry(spec).handler(flaky(calls, Integer.MAX_VALUE)),
                builder -> builder.meterRegistry(meters))) {
            HttpResponse<String> response = server.get("/slowly-down");
            assertEquals(500, response.statusCode(), "the failure, answered before the deadline, not its 503");
            assertEquals(3, calls.get());
            Await.until(() -> outcome(RetryStep.DEADLINE) == 1, meters::getMetersAsString);
            assertEquals(0, count(WardMetrics.TIMEOUTS));
        }
    }

    @Test
    void aRetryOfANonBlockingRouteWaitsOnATimerAndRunsOnTheIoThreadAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/io").nonBlocking()
                .retry(RetrySpec.attempts(3).delay(50, ChronoUnit.MILLIS).retryOn(IOException.class))
                .handler(exchange -> {
                    threads.add(Thread.currentThread().getName());
                    flaky(calls, 2).handle(exchange);
                }), builder -> builder.meterRegistry(meters))) {
            HttpResponse<String> response = server.get("/io");
            assertEquals("answered by call 2", response.body());
            assertTrue(threads.stream().allMatch(name -> name.contains("I/O")), threads::toString);
        }
    }

    @Test
    void aFailedStageIsRetriedOnAWorker() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/async").retry(quick(3))
                .handler(exchange -> {
                    threads.add(Thread.currentThread().getName());
                    int call = calls.incrementAndGet();
                    exchange.respondAsync(call < 3
                            ? CompletableFuture.failedFuture(new IOException("refused, call " + call))
                            : CompletableFuture.completedFuture("call " + call), Replies::text);
                }), builder -> builder.meterRegistry(meters))) {
            assertEquals("call 3", server.get("/async").body());
            assertTrue(threads.stream().allMatch(name -> name.startsWith("ward-worker-")), threads::toString);
        }
    }

    @Test
    void aHandlerThatStartedItsResponseIsNeverRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/started").retry(quick(3))
                .handler(exchange -> {
                    calls.incrementAndGet();
                    exchange.raw().startBlocking();
                    exchange.raw().getOutputStream().write("half".getBytes());
                    exchange.raw().getOutputStream().flush();
                    throw new IOException("the dependency failed after the handler wrote");
                }), builder -> builder.meterRegistry(meters))) {
            try {
                server.get("/started");
            } catch (IOException aborted) {
                // The response was cut: the client cannot take it for a whole one.
            }
            Await.until(() -> outcome(RetryStep.RESPONSE_STARTED) == 1, meters::getMetersAsString);
            assertEquals(1, calls.get());
        }
    }

    @Test
    void aRetryOfAStreamedBodyIsRefusedAtBuild() {
        IllegalStateException streamed = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> TestServer.start(registry -> registry.route("PUT", "/files").streamBody().retry(quick(2))
                        .handler(exchange -> exchange.respond(Response.ok("stored")))).close());
        assertEquals("PUT /files retries, but its streamed body is consumed by the first attempt; replay it "
                + "(replayBody) or remove the retry", streamed.getMessage());
    }

    @Test
    void underAFullyFailingDependencyTheBudgetKeepsRetriesWithinItsFraction() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        int requests = 400;
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/dependency-down")
                .retry(RetrySpec.attempts(3).delay(0, ChronoUnit.MILLIS).retryOn(IOException.class))
                .handler(flaky(calls, Integer.MAX_VALUE)), builder -> builder.meterRegistry(meters)
                .retryBudget(0.1, 0))) {
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> statuses = new java.util.ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    statuses.add(clients.submit(() -> server.get("/dependency-down").statusCode()));
                }
                for (Future<Integer> status : statuses) {
                    assertEquals(500, status.get());
                }
            } finally {
                clients.shutdownNow();
            }
            Await.until(() -> outcome(RetryStep.BUDGET_EXHAUSTED) + outcome(RetryStep.EXHAUSTED) == requests,
                    meters::getMetersAsString);
            double retries = count(WardMetrics.RETRY_ATTEMPTS);
            // 10% of the requests, plus what could have been saved up (none was: the dependency was down from the start).
            assertTrue(retries >= 1 && retries <= requests * 0.1, "retries " + retries);
            assertEquals(requests + retries, calls.get(), "the dependency saw each request once, plus the retries");
            assertEquals(outcome(RetryStep.BUDGET_EXHAUSTED), count(WardMetrics.RETRY_BUDGET_EXHAUSTED));
            assertTrue(outcome(RetryStep.BUDGET_EXHAUSTED) >= requests * 0.8, meters::getMetersAsString);
        }
    }
}
