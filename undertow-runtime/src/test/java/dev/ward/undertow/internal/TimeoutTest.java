package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Deadline;
import dev.ward.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** @Timeout: an answer by the deadline, the handler interrupted, its late result discarded, no thread kept. */
class TimeoutTest {
    /** The test client's threads: java.net.http keeps its workers alive for a while. */
    private static final String CLIENT_THREADS = "HttpClient-";
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aSlowHandlerGetsA503AtItsDeadlineAndIsInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/slow")
                .timeout(150, ChronoUnit.MILLIS).handler(ex -> {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                    ex.respond(Response.ok("too late"));
                }), builder -> builder.meterRegistry(meters))) {
            long start = System.nanoTime();
            HttpResponse<String> response = server.get("/slow");
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(503, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.body().contains("\"detail\":\"the request did not complete within its deadline of "
                    + "150 ms.\""), response.body());
            assertTrue(elapsedMillis >= 150 && elapsedMillis < 5_000, "answered at the deadline: " + elapsedMillis);
            assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the handler's thread was interrupted");
            assertEquals(1.0, meters.get(WardMetrics.TIMEOUTS).counter().count());
        }
    }

    @Test
    void theFallbackAnswersWithTheSameArguments() throws Exception {
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/stock/{sku}")
                .timeout(100, ChronoUnit.MILLIS).handler(ex -> {
                    String sku = ex.pathParam("sku");
                    ex.onTimeout(() -> Response.status(200).header("X-Fallback", "yes").body("unknown stock of " + sku));
                    Thread.sleep(5_000);
                    ex.respond(Response.ok("42"));
                }))) {
            HttpResponse<String> response = server.get("/stock/apple");
            assertEquals(200, response.statusCode());
            assertEquals("unknown stock of apple", response.body());
            assertEquals("yes", response.headers().firstValue("X-Fallback").orElseThrow());
        }
    }

    /** A fallback that returns null or throws is the route's failure: a 500 problem, logged once, late result dropped. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFallbackThatReturnsNullOrThrowsIsA500ProblemLoggedOnce(boolean throwing) throws Exception {
        CountDownLatch handlerReturned = new CountDownLatch(1);
        try (LogCapture logs = new LogCapture();
             TestServer server = TestServer.start(registry -> registry.route("GET", "/broken-fallback")
                .timeout(50, ChronoUnit.MILLIS).recover().handler(ex -> {
                    ex.onTimeout(() -> {
                        if (throwing) {
                            throw new IllegalStateException("the fallback broke");
                        }
                        return null;
                    });
                    sleepIgnoringInterrupts(300);
                    ex.respond(Response.ok("late result that must never be seen"));
                    handlerReturned.countDown();
                }), builder -> builder.meterRegistry(meters))) {
            HttpResponse<String> response = server.send(java.net.http.HttpRequest.newBuilder(
                    server.uri("/broken-fallback")).header("X-Request-Id", "fallback-1"));
            assertEquals(500, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.body().contains("\"instance\":\"fallback-1\""), response.body());
            assertTrue(handlerReturned.await(5, TimeUnit.SECONDS));
            Await.until(() -> meters.find(WardMetrics.LATE).counter() != null, () -> "no late completion counted");
            assertEquals(1, logs.mentioning("fallback-1").size(), "logged once: " + logs.records);
            Throwable logged = logs.mentioning("fallback-1").get(0).getThrown();
            assertEquals(throwing ? IllegalStateException.class : NullPointerException.class, logged.getClass());
        }
    }

    @Test
    void aLateResultIsNeverWrittenAndTheConnectionStaysUsable() throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        try (TestServer server = TestServer.start(registry -> {
            registry.route("GET", "/stubborn").timeout(100, ChronoUnit.MILLIS).handler(ex -> {
                sleepIgnoringInterrupts(400);
                ex.respond(Response.ok("late result that must never be seen"));
                finished.countDown();
            });
            registry.route("GET", "/ok").handler(ex -> ex.respond(Response.ok("ok")));
        }, builder -> builder.meterRegistry(meters))) {
            HttpResponse<String> response = server.get("/stubborn");
            assertEquals(503, response.statusCode());
            String id = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertEquals("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":"
                    + "\"the request did not complete within its deadline of 100 ms.\",\"instance\":\"" + id + "\"}",
                    response.body());
            assertTrue(finished.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 5; i++) {
                assertEquals("ok", server.get("/ok").body(), "later requests are untouched by the late write");
            }
            // Counted once the handler has returned, which may be just after it counted down.
            Await.until(() -> meters.find(WardMetrics.LATE).tag("route", "GET /stubborn").counters().stream()
                    .mapToDouble(Counter::count).sum() == 1.0);
        }
    }

    @Test
    void anAsyncResultIsCancelledAtTheDeadline() throws Exception {
        CompletableFuture<String> never = new CompletableFuture<>();
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/async")
                .timeout(100, ChronoUnit.MILLIS).handler(ex -> ex.respondAsync(never, Replies::text)))) {
            assertEquals(503, server.get("/async").statusCode());
            assertTrue(never.isCancelled());
        }
    }

    @Test
    void theDeadlineIncludesQueueWaitAndAnExpiredRequestNeverRuns() throws Exception {
        CountDownLatch blocking = new CountDownLatch(1);
        AtomicInteger timedRuns = new AtomicInteger();
        try (TestServer server = TestServer.start(registry -> {
            registry.route("GET", "/hog").handler(ex -> {
                blocking.countDown();
                sleepIgnoringInterrupts(1_500);
                ex.respond(Response.ok("hog"));
            });
            registry.route("GET", "/timed").timeout(100, ChronoUnit.MILLIS).handler(ex -> {
                timedRuns.incrementAndGet();
                ex.respond(Response.ok("ran"));
            });
        }, builder -> builder.workerThreads(1))) {
            CompletableFuture<HttpResponse<String>> hog = server.client.sendAsync(
                    java.net.http.HttpRequest.newBuilder(server.uri("/hog")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(blocking.await(5, TimeUnit.SECONDS));
            long start = System.nanoTime();
            HttpResponse<String> timed = server.get("/timed");
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(503, timed.statusCode());
            assertTrue(elapsedMillis < 1_000, "answered at its deadline, while still queued behind a 1.5 s hog: "
                    + elapsedMillis);
            assertEquals("hog", hog.get(5, TimeUnit.SECONDS).body());
            server.server.close(); // the worker pool runs what is queued before it stops: the timed-out task has had its turn
            assertEquals(0, timedRuns.get(), "a request whose deadline passed in the queue never runs");
        }
    }

    @Test
    void theInterruptIsClearedBeforeTheThreadServesAnotherRequest() throws Exception {
        AtomicReference<String> firstThread = new AtomicReference<>();
        try (TestServer server = TestServer.start(registry -> {
            registry.route("GET", "/stubborn").timeout(50, ChronoUnit.MILLIS).handler(ex -> {
                firstThread.set(Thread.currentThread().getName());
                sleepIgnoringInterrupts(200);
                ex.respond(Response.ok("late"));
            });
            registry.route("GET", "/check").handler(ex -> ex.respond(Response.ok(
                    Thread.currentThread().getName() + " interrupted=" + Thread.currentThread().isInterrupted())));
        }, builder -> builder.workerThreads(1))) {
            assertEquals(503, server.get("/stubborn").statusCode());
            // One worker: /check waits in the queue until the stubborn handler has returned, then runs on its thread.
            assertEquals(firstThread.get() + " interrupted=false", server.get("/check").body());
        }
    }

    @Test
    void theDeadlineParameterTellsTheTimeLeft() throws Exception {
        try (TestServer server = TestServer.start(registry -> {
            registry.route("GET", "/timed").timeout(2, ChronoUnit.SECONDS).handler(ex -> {
                Deadline deadline = ex.deadline();
                long left = deadline.remaining().toMillis();
                ex.respond(Response.ok(deadline.isBounded() + " " + (left > 0 && left <= 2000) + " " + deadline.expired()));
            });
            registry.route("GET", "/untimed").handler(ex -> ex.respond(Response.ok(ex.deadline().toString())));
        })) {
            assertEquals("true true false", server.get("/timed").body());
            assertEquals("Deadline[none]", server.get("/untimed").body());
        }
    }

    @Test
    void aFullPoolAndQueueAnswer503AtOnceInsteadOfQueueingWithoutBound() throws Exception {
        // Two threads and a queue of two, as workerThreads(2).workerQueue(2) would build, but visible to the test.
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(2, 2, 1,
                TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(2));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(2);
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/block").handler(ex -> {
            running.countDown();
            release.await();
            ex.respond(Response.ok("done"));
        }), builder -> builder.executor(pool).meterRegistry(meters))) {
            java.util.List<CompletableFuture<HttpResponse<String>>> admitted = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                admitted.add(server.client.sendAsync(java.net.http.HttpRequest.newBuilder(server.uri("/block")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            assertTrue(running.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 2; i++) {
                admitted.add(server.client.sendAsync(java.net.http.HttpRequest.newBuilder(server.uri("/block")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Await.until(() -> pool.getQueue().size() == 2);
            long start = System.nanoTime();
            HttpResponse<String> refused = server.get("/block");
            assertEquals(503, refused.statusCode());
            assertTrue(refused.body().contains("the server is at capacity"), refused.body());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "refused at once");
            release.countDown();
            for (CompletableFuture<HttpResponse<String>> response : admitted) {
                assertEquals("done", response.get(5, TimeUnit.SECONDS).body(), "queued requests are served");
            }
            assertEquals(1.0, counter(WardMetrics.BULKHEAD, "GET /block").count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withTheDefaultsAnOrdinaryBurstIsQueuedAndServedNotRefused() throws Exception {
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/fast").handler(ex -> {
            Thread.sleep(5); // a little real work, so requests overlap
            ex.respond(Response.ok("fast"));
        }))) {
            java.util.List<CompletableFuture<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                statuses.add(server.client.sendAsync(java.net.http.HttpRequest.newBuilder(server.uri("/fast")).build(),
                        HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode));
            }
            for (CompletableFuture<Integer> status : statuses) {
                assertEquals(200, status.get(30, TimeUnit.SECONDS), "400 concurrent requests: none refused");
            }
        }
    }

    @Test
    void twoThousandTimedOutRequestsLeaveNoThreadBehind() throws Exception {
        int baseline = Threads.excluding(CLIENT_THREADS);
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/sleepy")
                .timeout(50, ChronoUnit.MILLIS).handler(ex -> {
                    Thread.sleep(60_000);
                    ex.respond(Response.ok("never"));
                }), builder -> builder.workerKeepAlive(Duration.ofMillis(200)))) {
            java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(48);
            java.util.List<CompletableFuture<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                inFlight.acquire();
                statuses.add(server.client.sendAsync(java.net.http.HttpRequest.newBuilder(server.uri("/sleepy")).build(),
                                HttpResponse.BodyHandlers.discarding())
                        .thenApply(HttpResponse::statusCode)
                        .whenComplete((status, error) -> inFlight.release()));
            }
            for (CompletableFuture<Integer> status : statuses) {
                assertEquals(503, status.get(30, TimeUnit.SECONDS));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (Threads.workers() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, Threads.workers(), "the pool is back at its idle size");
        }
        System.gc();
        Thread.sleep(500);
        int after = Threads.excluding(CLIENT_THREADS);
        assertTrue(after <= baseline + 8, "JVM threads back near baseline: " + baseline + " -> " + after + " "
                + Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList());
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("ward-worker")));
    }

    private Counter counter(String name, String route) {
        return meters.get(name).tag("route", route).counter();
    }

    static void sleepIgnoringInterrupts(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        boolean interrupted = false;
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
