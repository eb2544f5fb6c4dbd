package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code @Fallback} over real HTTP: it answers for the failures it applies on (found in the cause chain), never for
 * those it skips, a refused request or a 5xx the handler chose; after the retries, and inside the deadline.
 */
class FallbackTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** Registers the fallback as generated code does, then fails with {@code failure}. */
    private static RouteHandler failingWith(RuntimeException failure) {
        return exchange -> {
            String user = exchange.pathParam("user");
            exchange.onFailure(cause -> Response.ok("cached roles of " + user + " (" + cause.getClass().getSimpleName()
                    + ": " + cause.getMessage() + ")"));
            throw failure;
        };
    }

    private TestServer server(RouteHandler handler) {
        return TestServer.start(registry -> registry.route("GET", "/roles/{user}").recover()
                .fallback(FallbackSpec.applyOn(IOException.class, TimeoutException.class)
                        .skipOn(FileNotFoundException.class))
                .handler(handler), builder -> builder.meterRegistry(meters));
    }

    @Test
    void answersForAFailureFoundInTheCauseChainWithThatCause() throws Exception {
        try (TestServer server = server(failingWith(new IllegalStateException("auth service",
                new UncheckedIOException(new IOException("503 from auth")))))) {
            HttpResponse<String> response = server.get("/roles/ada");
            assertEquals(200, response.statusCode());
            assertEquals("cached roles of ada (IOException: 503 from auth)", response.body());
            assertEquals(1, meters.get(WardMetrics.FALLBACKS).tag("exception", "IOException").counter().count());
        }
    }

    @Test
    void skipOnWinsAnywhereInTheChain() throws Exception {
        try (TestServer server = server(failingWith(new UncheckedIOException(new FileNotFoundException("no user"))));
             LogCapture logs = new LogCapture()) {
            HttpResponse<String> response = server.get("/roles/ada");
            assertEquals(500, response.statusCode());
            assertTrue(response.body().contains("\"status\":500"), response.body());
            Await.until(() -> !logs.mentioning("route GET /roles/{user} failed").isEmpty());
        }
    }

    @Test
    void aFailureOutsideApplyOnIsTheRoutesFailure() throws Exception {
        try (TestServer server = server(failingWith(new IllegalArgumentException("a bug")));
             LogCapture logs = new LogCapture()) {
            assertEquals(500, server.get("/roles/ada").statusCode());
            Await.until(() -> !logs.mentioning("route GET /roles/{user} failed").isEmpty());
        }
    }

    @Test
    void aRefusedRequestAndAChosen5xxAreNeverReplaced() throws Exception {
        try (TestServer server = TestServer.start(registry -> {
            registry.route("GET", "/needs-query").fallback(FallbackSpec.applyOn(Exception.class)).handler(exchange -> {
                exchange.onFailure(cause -> Response.ok("fallback"));
                exchange.respond(Response.ok(exchange.requiredQuery("q")));
            });
            registry.route("GET", "/chooses-503").fallback(FallbackSpec.applyOn(Exception.class)).handler(exchange -> {
                exchange.onFailure(cause -> Response.ok("fallback"));
                exchange.respond(Response.status(503).body("maintenance"));
            });
        })) {
            assertEquals(400, server.get("/needs-query").statusCode());
            HttpResponse<String> chosen = server.get("/chooses-503");
            assertEquals(503, chosen.statusCode());
            assertEquals("maintenance", chosen.body());
        }
    }

    @Test
    void answersAfterTheRetriesGaveUp() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/roles/{user}")
                .retry(RetrySpec.attempts(3).delay(1, ChronoUnit.MILLIS).retryOn(IOException.class))
                .fallback(FallbackSpec.applyOn(IOException.class)).handler(exchange -> {
                    exchange.onFailure(cause -> Response.ok("fallback after " + calls.get() + " calls"));
                    calls.incrementAndGet();
                    throw new IOException("down");
                }), builder -> builder.meterRegistry(meters))) {
            assertEquals("fallback after 3 calls", server.get("/roles/ada").body());
            Await.until(() -> meters.find(WardMetrics.RETRIES).tag("outcome", RetryStep.EXHAUSTED).counter() != null);
        }
    }

    @Test
    void aFailedStageFallsBackToTheAsyncFallback() throws Exception {
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/async")
                .fallback(FallbackSpec.applyOn(IOException.class)).handler(exchange -> {
                    exchange.onFailureAsync(cause -> CompletableFuture.completedFuture("stale"), Replies::text);
                    exchange.respondAsync(CompletableFuture.failedFuture(new IOException("down")), Replies::text);
                }))) {
            HttpResponse<String> response = server.get("/async");
            assertEquals(200, response.statusCode());
            assertEquals("stale", response.body());
        }
    }

    @Test
    void aFailingFallbackIsTheRoutesFailureAndIsNotCalledAgain() throws Exception {
        AtomicInteger fallbacks = new AtomicInteger();
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/both-down").recover()
                .fallback(FallbackSpec.applyOn(IOException.class)).handler(exchange -> {
                    exchange.onFailure(cause -> {
                        fallbacks.incrementAndGet();
                        throw new IOException("the cache is down too");
                    });
                    throw new IOException("down");
                }));
             LogCapture logs = new LogCapture()) {
            assertEquals(500, server.get("/both-down").statusCode());
            Await.until(() -> !logs.mentioning("route GET /both-down failed").isEmpty());
            assertEquals("the cache is down too",
                    logs.mentioning("route GET /both-down failed").get(0).getThrown().getMessage());
            assertEquals(1, fallbacks.get());
        }
    }

    @Test
    void theFallbackRunsInsideTheDeadlineWhichInterruptsIt() throws Exception {
        java.util.concurrent.CountDownLatch interrupted = new java.util.concurrent.CountDownLatch(1);
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/slow-fallback")
                .timeout(200, ChronoUnit.MILLIS).fallback(FallbackSpec.applyOn(IOException.class)).handler(exchange -> {
                    exchange.onFailure(cause -> {
                        try {
                            Thread.sleep(10_000);
                        } catch (InterruptedException e) {
                            interrupted.countDown();
                        }
                        return Response.ok("too late");
                    });
                    throw new IOException("down");
                }), builder -> builder.meterRegistry(meters))) {
            HttpResponse<String> response = server.get("/slow-fallback");
            assertEquals(503, response.statusCode());
            assertTrue(response.body().contains("did not complete within its deadline of 200 ms"), response.body());
            assertTrue(interrupted.await(5, java.util.concurrent.TimeUnit.SECONDS), "the fallback was interrupted");
            Await.until(() -> meters.find(WardMetrics.LATE).counter() != null, meters::getMetersAsString);
        }
    }
}
