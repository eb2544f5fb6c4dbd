package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import dev.ward.undertow.WardServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code @CircuitBreaker}, {@code @RateLimit} and adaptive concurrency over real HTTP: what the client gets (status,
 * {@code Retry-After}, problem body), that a refused request runs nothing and is never compensated, and the meters.
 */
class FaultToleranceTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private double count(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }

    private double gauge(String name, String... tags) {
        return meters.get(name).tags(tags).gauge().value();
    }

    /** Outcomes are recorded as exchanges complete, which is after their client has the answer. */
    private void awaitOpen(String breaker) throws InterruptedException {
        Await.until(() -> gauge(WardMetrics.BREAKER_STATE, "breaker", breaker) == 1, () -> "the breaker " + breaker
                + " is in state " + gauge(WardMetrics.BREAKER_STATE, "breaker", breaker));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String retryAfter, String detail) {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals(Optional.of(retryAfter), response.headers().firstValue("Retry-After"));
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
        assertTrue(response.body().contains("\"status\":" + status) && response.body().contains(detail),
                response.body());
    }

    @Test
    void anOpenBreakerAnswers503WithRetryAfterAndRunsAndCompensatesNothing() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger compensated = new AtomicInteger();
        try (TestServer server = TestServer.start(registry -> registry.route("POST", "/pay").recover()
                .compensable(CompensationSpec.calling("refund").backoffMillis(1),
                        (arguments, context) -> compensated.incrementAndGet())
                .circuitBreaker("", 0.5, 4, 4, 60_000, 1)
                .handler(ex -> {
                    ran.incrementAndGet();
                    throw new IllegalStateException("the payment provider is down");
                }), builder -> builder.meterRegistry(meters))) {
            try (LogCapture logs = new LogCapture()) {
                for (int i = 0; i < 4; i++) {
                    assertEquals(500, post(server, "/pay").statusCode());
                }
                awaitOpen("POST /pay");
                assertEquals(List.of("circuit breaker POST /pay opened: its routes answer 503 for 60000 ms, then let "
                        + "1 probe through"), logs.records.stream().map(LogCapture::text)
                        .filter(text -> text.startsWith("circuit breaker")).toList());
                assertEquals(4, logs.records.stream()
                        .filter(r -> LogCapture.text(r).startsWith("route POST /pay failed")).count(), "the four failures are logged by @Recover");
            }
            awaitOpen("POST /pay");
            HttpResponse<String> refused = post(server, "/pay");
            assertProblem(refused, 503, "60", "the circuit breaker POST /pay is open; retry later");
            assertEquals(4, ran.get(), "the handler did not run for the refused request");
            assertEquals(1, count(WardMetrics.BREAKER_REJECTED, "route", "POST /pay", "breaker", "POST /pay"));
            assertEquals(1, count(WardMetrics.BREAKER_TRANSITIONS, "breaker", "POST /pay", "from", "closed", "to",
                    "open"));
            Await.until(() -> compensated.get() == 4);
            server.server.close();
            assertEquals(4, compensated.get(), "the refused request was not compensated");
            assertEquals(4, count(WardMetrics.COMPENSATIONS_SCHEDULED, "route", "POST /pay", "reason", "exception"));
        }
    }

    @Test
    void fiveHundredsAndDeadlinesAreFailuresFourHundredsAreNot() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (TestServer server = TestServer.start(registry -> {
            registry.route("GET", "/status/{code}").circuitBreaker("", 1.0, 2, 2, 60_000, 1)
                    .handler(ex -> ex.respond(Response.status(Bind.toInt(ex.pathParam("code"), "code"))));
            registry.route("GET", "/stuck").timeout(20, ChronoUnit.MILLIS).circuitBreaker("", 1.0, 2, 2, 60_000, 1)
                    .handler(ex -> {
                        never.await();
                        ex.respond(Response.ok("late"));
                    });
        }, builder -> builder.meterRegistry(meters))) {
            assertEquals(404, server.get("/status/404").statusCode());
            assertEquals(409, server.get("/status/409").statusCode());
            assertEquals(200, server.get("/status/200").statusCode(), "two 4xx did not open it");
            assertEquals(0, gauge(WardMetrics.BREAKER_STATE, "breaker", "GET /status/{code}"));
            assertEquals(502, server.get("/status/502").statusCode());
            assertEquals(503, server.get("/status/503").statusCode());
            awaitOpen("GET /status/{code}");
            assertProblem(server.get("/status/200"), 503, "60", "the circuit breaker GET /status/{code} is open");

            assertEquals(503, server.get("/stuck").statusCode());
            assertEquals(503, server.get("/stuck").statusCode());
            awaitOpen("GET /stuck");
            assertProblem(server.get("/stuck"), 503, "60", "the circuit breaker GET /stuck is open");
            assertEquals(1, count(WardMetrics.BREAKER_REJECTED, "route", "GET /stuck", "breaker", "GET /stuck"),
                    "two passed deadlines opened it");
        }
    }

    @Test
    void routesNamingABreakerShareItAndMustDeclareItAlike() throws Exception {
        try (TestServer server = TestServer.start(registry -> {
            registry.route("GET", "/card").circuitBreaker("payments", 0.5, 2, 2, 3_000, 1)
                    .handler(ex -> ex.respond(Response.status(502)));
            registry.route("GET", "/wallet").circuitBreaker("payments", 0.5, 2, 2, 3_000, 1)
                    .handler(ex -> ex.respond(Response.ok("wallet")));
        }, builder -> builder.meterRegistry(meters))) {
            assertEquals(502, server.get("/card").statusCode());
            assertEquals(502, server.get("/card").statusCode());
            awaitOpen("payments");
            assertProblem(server.get("/wallet"), 503, "3", "the circuit breaker payments is open");
        }
        IllegalStateException mismatch = assertThrows(IllegalStateException.class, () -> WardServer.builder()
                .port(0).routes(registry -> {
                    registry.route("GET", "/card").circuitBreaker("payments", 0.5, 2, 2, 3_000, 1)
                            .handler(ex -> ex.respond(Response.ok("card")));
                    registry.route("GET", "/wallet").circuitBreaker("payments", 0.5, 2, 2, 9_000, 1)
                            .handler(ex -> ex.respond(Response.ok("wallet")));
                }).build());
        String message = mismatch.getMessage();
        assertTrue(message.startsWith("routes GET /card (") && message.contains(") and GET /wallet (")
                && message.contains(") share the circuit breaker \"payments\" with different parameters (failureRatio "
                + "0.5, window 2, minimumCalls 2, openFor 3000 ms, halfOpenCalls 1 vs failureRatio 0.5, window 2, "
                + "minimumCalls 2, openFor 9000 ms, halfOpenCalls 1); declare the same ones"), message);
    }

    @Test
    void overTheRateARequestGets429WithRetryAfterAtOnce() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/quote").rateLimit(2, 60_000, 0,
                "", 1).handler(ex -> {
                    ran.incrementAndGet();
                    ex.respond(Response.ok("quote"));
                }), builder -> builder.meterRegistry(meters))) {
            assertEquals(200, server.get("/quote").statusCode());
            assertEquals(200, server.get("/quote").statusCode());
            HttpResponse<String> refused = server.get("/quote");
            assertProblem(refused, 429, "30", "this route takes at most its rate of requests; retry later");
            assertTrue(refused.body().contains("\"title\":\"Too Many Requests\""), refused.body());
            assertEquals(2, ran.get());
            assertEquals(1, count(WardMetrics.RATE_LIMITED, "route", "GET /quote"));
        }
    }

    @Test
    void aKeyedRateLimitGivesEachKeyItsOwnBucket() throws Exception {
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/quote").rateLimit(1, 60_000, 0,
                "X-Api-Key", 100).handler(ex -> ex.respond(Response.ok("quote"))))) {
            assertEquals(200, keyed(server, "alice").statusCode());
            assertEquals(429, keyed(server, "alice").statusCode());
            assertEquals(200, keyed(server, "bob").statusCode());
            assertEquals(200, server.get("/quote").statusCode(), "requests without the key share one bucket");
            assertEquals(429, server.get("/quote").statusCode());
            HttpResponse<String> tooLong = keyed(server, "k".repeat(RateLimiter.MAX_KEY_LENGTH + 1));
            assertEquals(400, tooLong.statusCode());
            assertTrue(tooLong.body().contains("header 'X-Api-Key' is longer than 128 characters"), tooLong.body());
        }
    }

    @Test
    void overTheAdaptiveLimitARequestIsShedAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean compensated = new AtomicBoolean();
        try (TestServer server = TestServer.start(registry -> registry.route("POST", "/report")
                .compensable(CompensationSpec.calling("undo"), (arguments, context) -> compensated.set(true))
                .adaptiveConcurrency(1, 1, 1).handler(ex -> {
                    release.await();
                    ex.respond(Response.ok("report"));
                }), builder -> builder.meterRegistry(meters))) {
            assertEquals(1, gauge(WardMetrics.CONCURRENCY_LIMIT, "limiter", "POST /report"));
            CompletableFuture<HttpResponse<String>> first = server.client.sendAsync(HttpRequest.newBuilder(
                    server.uri("/report")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            Await.until(() -> meters.find(WardMetrics.IN_FLIGHT).gauge() != null
                    && meters.get(WardMetrics.IN_FLIGHT).gauge().value() == 1);
            assertProblem(post(server, "/report"), 503, "1", "the server is at its concurrency limit; retry later");
            assertEquals(1, count(WardMetrics.SHED, "route", "POST /report"));
            release.countDown();
            assertEquals(200, first.get(20, TimeUnit.SECONDS).statusCode());
            server.server.close();
            assertTrue(!compensated.get(), "the shed 503 was not compensated");
        }
    }

    @Test
    void theServersAdaptiveLimitCoversEveryRouteWithoutItsOwn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (TestServer server = TestServer.start(registry -> {
            registry.route("GET", "/slow").handler(ex -> {
                release.await();
                ex.respond(Response.ok("slow"));
            });
            registry.route("GET", "/other").handler(ex -> ex.respond(Response.ok("other")));
            registry.route("GET", "/own").adaptiveConcurrency(5, 1, 10).handler(ex -> ex.respond(Response.ok("own")));
        }, builder -> builder.meterRegistry(meters).adaptiveConcurrency(1, 1, 1))) {
            assertEquals(1, gauge(WardMetrics.CONCURRENCY_LIMIT, "limiter", "server"));
            CompletableFuture<HttpResponse<String>> slow = server.client.sendAsync(HttpRequest.newBuilder(
                    server.uri("/slow")).build(), HttpResponse.BodyHandlers.ofString());
            Await.until(() -> meters.find(WardMetrics.IN_FLIGHT).tag("route", "GET /slow").gauge() != null
                    && meters.get(WardMetrics.IN_FLIGHT).tag("route", "GET /slow").gauge().value() == 1);
            assertProblem(server.get("/other"), 503, "1", "at its concurrency limit");
            assertEquals(200, server.get("/own").statusCode(), "a route with its own limit is not in the server's");
            release.countDown();
            assertEquals(200, slow.get(20, TimeUnit.SECONDS).statusCode());
            assertEquals(200, server.get("/other").statusCode());
        }
    }

    @Test
    void requestTimersPublishHistogramBucketsOnlyWhenAsked() throws Exception {
        for (boolean histograms : new boolean[] {true, false}) {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            try (TestServer server = TestServer.start(routes -> {
                routes.route("GET", "/a").traced("").handler(ex -> ex.respond(Response.ok("a")));
                routes.route("GET", "/b").traced("checkout").handler(ex -> ex.respond(Response.ok("b")));
            }, builder -> {
                builder.meterRegistry(registry);
                if (histograms) {
                    builder.requestHistograms();
                }
            })) {
                assertEquals(200, server.get("/a").statusCode());
                assertEquals(200, server.get("/b").statusCode());
                Await.until(() -> registry.find("checkout").timer() != null
                        && registry.find("http.server.requests").timer() != null);
                String scrape = registry.scrape();
                for (String series : new String[] {"http_server_requests_seconds_bucket{",
                                                   "checkout_seconds_bucket{"}) {
                    assertEquals(histograms, scrape.contains(series), series + " in\n" + scrape);
                }
            }
        }
        IllegalStateException unregistered = assertThrows(IllegalStateException.class,
                () -> WardServer.builder().requestHistograms().build());
        assertTrue(unregistered.getMessage().contains("requestHistograms() needs the meter registry"));
    }

    @Test
    void compensationsAreCountedByReasonAndDeadLettersByExceptionClass() throws Exception {
        try (TestServer server = TestServer.start(registry -> {
            registry.route("POST", "/status").compensable(CompensationSpec.calling("undo").maxAttempts(1),
                    (arguments, context) -> {
                        throw new java.io.UncheckedIOException(new java.io.IOException("ledger unreachable"));
                    }).handler(ex -> ex.respond(Response.status(503)));
            registry.route("POST", "/deadline").timeout(20, ChronoUnit.MILLIS)
                    .compensable(CompensationSpec.calling("undo"), (arguments, context) -> { })
                    .handler(ex -> {
                        new CountDownLatch(1).await();
                        ex.respond(Response.ok("late"));
                    });
        }, builder -> builder.meterRegistry(meters))) {
            try (LogCapture logs = new LogCapture()) {
                assertEquals(503, post(server, "/status").statusCode());
                assertEquals(503, post(server, "/deadline").statusCode());
                // Scheduled as each exchange completes, which is after the client has its answer.
                Await.until(() -> meters.find(WardMetrics.COMPENSATIONS_DEAD).counter() != null
                        && meters.find(WardMetrics.COMPENSATIONS_SCHEDULED).tag("reason", "deadline")
                        .counter() != null);
                assertTrue(logs.records.stream().anyMatch(r -> LogCapture.text(r).contains("is now a dead letter")));
            }
            assertEquals(1, count(WardMetrics.COMPENSATIONS_SCHEDULED, "route", "POST /status", "reason", "status"));
            assertEquals(1, count(WardMetrics.COMPENSATIONS_SCHEDULED, "route", "POST /deadline", "reason",
                    "deadline"));
            assertEquals(1, count(WardMetrics.COMPENSATIONS_DEAD, "route", "POST /status", "exception",
                    "UncheckedIOException"));
        }
    }

    @Test
    void theChainPutsRefusalsOutsideCompensationInTheDocumentedOrder() {
        Router router = new Router(null);
        WardMetrics metrics = new WardMetrics(null);
        ChainAssembly chains = new ChainAssembly(null, null, router, null, metrics, new AdaptiveLimitSpec(5, 1, 50),
                System::nanoTime);
        new RouteBuilder("POST", "/pay", spec -> chains.add(Route.of(spec, "PayRoutes", Runnable::run, metrics, 1024,
                1000, Optional::empty, null))).timeout(300, ChronoUnit.MILLIS).rateLimit(10, 1000, 5, "X-Api-Key", 100)
                .circuitBreaker("payments", 0.5, 20, 10, 5000, 3).handler(new PayRoute());
        assertEquals("POST /pay: rate-limit(10 per 1000 ms, burst 5, by X-Api-Key, at most 100 keys) -> "
                + "circuit-breaker(payments: failureRatio 0.5, window 20, minimumCalls 10, openFor 5000 ms, "
                + "halfOpenCalls 3) -> adaptive-limit(server, 1..50) -> deadline(300 ms) -> dispatch(workers) -> "
                + "PayRoute; when complete: cancel-deadline, release-limit(server), record-outcome(payments)",
                router.describeChains().get(0));
    }

    static final class PayRoute implements RouteHandler {
        @Override
        public void handle(RouteExchange exchange) {
            exchange.respond(Response.ok("paid"));
        }
    }

    private static HttpResponse<String> post(TestServer server, String path) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> keyed(TestServer server, String key) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/quote")).header("X-Api-Key", key).GET());
    }
}
