package dev.ward.undertow.internal;

import dev.ward.undertow.DeadLetter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** @Compensable: compensated exactly once for every failure, never for a success, retried, dead-lettered. */
class CompensableTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> compensated = new CopyOnWriteArrayList<>();

    private CompensationSpec release() {
        return CompensationSpec.calling("release").maxAttempts(3).backoffMillis(5).query("sku").header("X-Tenant");
    }

    private Compensation recording() {
        return (arguments, context) -> compensated.add(context.idempotencyKey() + " " + context.route() + " "
                + arguments.requiredQuery("sku") + " " + arguments.optionalHeader("X-Tenant").orElse("-") + " "
                + context.attempt() + " " + context.failure());
    }

    @Test
    void failuresAreCompensatedOnceWithTheRequestsValuesAndSuccessesNever() throws Exception {
        try (TestServer server = TestServer.start(registry -> {
            registry.route("POST", "/ok").compensable(release(), recording()).handler(ex -> ex.respond(Response.ok("ok")));
            registry.route("POST", "/client-error").compensable(release(), recording())
                    .handler(ex -> ex.respond(Response.status(409)));
            registry.route("POST", "/throws").recover().compensable(release(), recording()).handler(ex -> {
                throw new IllegalStateException("payment declined");
            });
            registry.route("POST", "/unavailable").compensable(release(), recording())
                    .handler(ex -> ex.respond(Response.status(503)));
        }, builder -> builder.meterRegistry(meters))) {
            assertEquals(200, post(server, "/ok?sku=apple", "req-ok").statusCode());
            assertEquals(409, post(server, "/client-error?sku=apple", "req-409").statusCode());
            assertEquals(500, post(server, "/throws?sku=apple", "req-throws").statusCode());
            assertEquals(503, post(server, "/unavailable?sku=pear", "req-503").statusCode());
            Await.until(() -> compensated.size() >= 2);
            // Closing waits for every exchange's completion and every running attempt: after it, nothing more runs,
            // and a compensation wrongly scheduled for /ok or the 409 would show in the list or as pending.
            server.server.close();
            assertEquals(List.of("req-503 POST /unavailable pear acme 1 the response status was 503",
                    "req-throws POST /throws apple acme 1 java.lang.IllegalStateException: payment declined"),
                    compensated.stream().sorted().toList());
            assertEquals(0, server.server.compensations().pending());
        }
    }

    @Test
    void aTimeoutIsCompensatedOnceAfterTheStubbornHandlerReturnsEvenIfItThenThrows() throws Exception {
        AtomicLong handlerReturnedAt = new AtomicLong();
        AtomicLong compensationStartedAt = new AtomicLong();
        AtomicInteger compensations = new AtomicInteger();
        try (TestServer server = TestServer.start(registry -> registry.route("POST", "/slow")
                .timeout(50, ChronoUnit.MILLIS)
                .compensable(release(), (arguments, context) -> {
                    compensationStartedAt.set(System.nanoTime());
                    compensations.incrementAndGet();
                })
                .handler(ex -> {
                    try {
                        TimeoutTest.sleepIgnoringInterrupts(400);
                        throw new IllegalStateException("late failure too");
                    } finally {
                        handlerReturnedAt.set(System.nanoTime());
                    }
                }))) {
            assertEquals(503, post(server, "/slow?sku=apple", "req-slow").statusCode());
            Await.until(() -> compensations.get() == 1);
            server.server.close(); // waits for the handler's late exception and any attempt it would cause
            assertEquals(1, compensations.get(), "exactly one compensation for deadline and late exception together");
            assertEquals(0, server.server.compensations().pending());
            assertTrue(compensationStartedAt.get() >= handlerReturnedAt.get(),
                    "the compensation never starts while the failed handler still runs");
        }
    }

    @Test
    void aCompensationThatFailsTwiceThenSucceedsTakesThreeAttempts() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (TestServer server = TestServer.start(registry -> registry.route("POST", "/flaky")
                .compensable(CompensationSpec.calling("release").maxAttempts(5).backoffMillis(5), (arguments, context) -> {
                    attempts.incrementAndGet();
                    if (context.attempt() < 3) {
                        throw new IllegalStateException("inventory service down");
                    }
                })
                .handler(ex -> ex.respond(Response.status(500))), builder -> builder.meterRegistry(meters))) {
            post(server, "/flaky", "req-flaky");
            Await.until(() -> count(WardMetrics.COMPENSATIONS_SUCCEEDED, "POST /flaky") == 1.0);
            assertEquals(3, attempts.get());
            assertEquals(2.0, count(WardMetrics.COMPENSATIONS_RETRIED, "POST /flaky"));
            assertEquals(1.0, count(WardMetrics.COMPENSATIONS_SCHEDULED, "POST /flaky"));
            assertTrue(server.server.compensations().deadLetters().isEmpty());
        }
    }

    @Test
    void anAlwaysFailingCompensationBecomesADeadLetterThatCanBeRetried() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean downstreamBack = new java.util.concurrent.atomic.AtomicBoolean();
        try (TestServer server = TestServer.start(registry -> registry.route("DELETE", "/orders/{id}")
                .compensable(CompensationSpec.calling("restore").maxAttempts(3).backoffMillis(5), (arguments, context) -> {
                    attempts.incrementAndGet();
                    if (!downstreamBack.get()) {
                        throw new IllegalStateException("still down for " + arguments.pathParam("id"));
                    }
                })
                .handler(ex -> ex.respond(Response.status(502))), builder -> builder.meterRegistry(meters))) {
            server.send(HttpRequest.newBuilder(server.uri("/orders/17")).header("X-Request-Id", "req-dead").DELETE());
            Await.until(() -> !server.server.compensations().deadLetters().isEmpty());
            DeadLetter dead = server.server.compensations().deadLetters().get(0);
            assertEquals("req-dead", dead.idempotencyKey());
            assertEquals("DELETE /orders/{id}", dead.route());
            assertEquals(3, dead.attempts());
            assertEquals("java.lang.IllegalStateException: still down for 17", dead.lastError());
            assertEquals(1.0, count(WardMetrics.COMPENSATIONS_DEAD, "DELETE /orders/{id}"));

            downstreamBack.set(true);
            assertTrue(server.server.compensations().retry(dead.id()));
            Await.until(() -> count(WardMetrics.COMPENSATIONS_SUCCEEDED, "DELETE /orders/{id}") == 1.0);
            assertEquals(4, attempts.get());
            assertTrue(server.server.compensations().deadLetters().isEmpty());
            assertTrue(!server.server.compensations().retry(dead.id()), "no longer a dead letter");
        }
    }

    @Test
    void aBurstOfAThousandFailuresOnTwoThreadsLosesNone() throws Exception {
        java.util.Set<String> keys = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicInteger runs = new AtomicInteger();
        try (TestServer server = TestServer.start(registry -> registry.route("POST", "/burst")
                .compensable(CompensationSpec.calling("release"), (arguments, context) -> {
                    runs.incrementAndGet();
                    keys.add(context.idempotencyKey());
                })
                .handler(ex -> ex.respond(Response.status(500))),
                builder -> builder.compensationThreads(2).compensationQueue(8))) {
            java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(32);
            List<CompletableFuture<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                inFlight.acquire();
                statuses.add(server.client.sendAsync(HttpRequest.newBuilder(server.uri("/burst"))
                                .header("X-Request-Id", "burst-" + i).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode)
                        .whenComplete((status, error) -> inFlight.release()));
            }
            for (CompletableFuture<Integer> status : statuses) {
                assertEquals(500, status.get(30, TimeUnit.SECONDS));
            }
            Await.until(() -> runs.get() >= 1_000 && server.server.compensations().pending() == 0);
            assertEquals(1_000, runs.get(), "each failed request compensated once");
            assertEquals(1_000, keys.size());
        }
    }

    private double count(String name, String route) {
        var counter = meters.find(name).tag("route", route).counter();
        return counter == null ? 0 : counter.count();
    }

    private static HttpResponse<String> post(TestServer server, String path, String requestId) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("X-Request-Id", requestId)
                .header("X-Tenant", "acme").POST(HttpRequest.BodyPublishers.noBody()));
    }
}
