package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.CircuitBreakerOpenException;
import dev.ward.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * An open circuit breaker answered by the route's {@code @Fallback} over real HTTP: the request is bound, the
 * route's method never runs, and the refusal is neither a breaker outcome, nor retried, nor compensated; a fallback
 * that skips the refusal leaves it the 503. A half-open breaker's probes are counted on a clock the test moves.
 */
class BreakerFallbackTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private double count(String name, String... tags) {
        return meters.get(name).tags(tags).counter().count();
    }

    private void awaitOpen(String breaker) throws InterruptedException {
        Await.until(() -> meters.find(WardMetrics.BREAKER_STATE).tag("breaker", breaker).gauge() != null
                && meters.get(WardMetrics.BREAKER_STATE).tag("breaker", breaker).gauge().value() == 1);
    }

    @Test
    void anOpenBreakerAnswersWithTheFallbackOnTheBoundArgumentsWithoutRunningTheMethod() throws Exception {
        AtomicInteger bound = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger compensated = new AtomicInteger();
        // Retried on every Exception (the default), so a retry of the refusal would bind again; compensable, so a
        // refusal admitted as a request would be compensated when its fallback fails.
        try (TestServer server = TestServer.start(registry -> registry.route("POST", "/pay/{user}").recover()
                .compensable(CompensationSpec.calling("refund").backoffMillis(1),
                        (arguments, context) -> compensated.incrementAndGet())
                .retry(RetrySpec.attempts(3).delay(1, ChronoUnit.MILLIS))
                .circuitBreaker("", 1.0, 1, 1, 60_000, 1)
                .fallback(FallbackSpec.applyOn(CircuitBreakerOpenException.class))
                .handler(exchange -> {
                    String user = exchange.pathParam("user");
                    String amount = exchange.requiredQuery("amount");
                    bound.incrementAndGet();
                    exchange.onFailure(cause -> {
                        if (user.equals("broken")) {
                            throw new IllegalStateException("the payment queue is down too");
                        }
                        return Response.ok("queued " + amount + " for " + user + ": " + cause.getMessage() + ", "
                                + ((CircuitBreakerOpenException) cause).retryAfter().toSeconds() + " s");
                    });
                    ran.incrementAndGet();
                    throw new IllegalStateException("the payment provider is down");
                }), builder -> builder.meterRegistry(meters))) {
            try (LogCapture logs = new LogCapture()) {
                assertEquals(500, post(server, "/pay/ada?amount=5").statusCode(), "a failure the fallback skips");
                awaitOpen("POST /pay/{user}");
                assertEquals(3, ran.get(), "three attempts ran the method");

                HttpResponse<String> answered = post(server, "/pay/ada?amount=7");
                assertEquals(200, answered.statusCode(), answered::body);
                assertEquals("queued 7 for ada: the circuit breaker POST /pay/{user} is open, 60 s", answered.body());
                assertEquals(Optional.empty(), answered.headers().firstValue("Retry-After"));
                assertEquals(3, ran.get(), "the refused request never ran the method");
                assertEquals(4, bound.get(), "the refused request was bound once: not retried");

                HttpResponse<String> unbound = post(server, "/pay/ada");
                assertEquals(400, unbound.statusCode(), "a binding failure stays the client's answer");
                assertTrue(unbound.body().contains("query parameter 'amount' is required"), unbound.body());

                assertEquals(500, post(server, "/pay/broken?amount=1").statusCode(), "the fallback failed");
                Await.until(() -> logs.mentioning("route POST /pay/{user} failed").stream().anyMatch(r ->
                        "the payment queue is down too".equals(r.getThrown().getMessage())));
            }
            assertEquals(3, ran.get());
            assertEquals(3, count(WardMetrics.BREAKER_REJECTED, "route", "POST /pay/{user}", "breaker",
                    "POST /pay/{user}"), "each refusal counts, whoever answers it");
            assertEquals(2, count(WardMetrics.FALLBACKS, "route", "POST /pay/{user}", "exception",
                    "CircuitBreakerOpenException"));
            assertEquals(2, count(WardMetrics.RETRY_ATTEMPTS, "route", "POST /pay/{user}"),
                    "only the first request's retries");
            assertEquals(1, count(WardMetrics.RETRIES, "route", "POST /pay/{user}", "outcome", RetryStep.EXHAUSTED));
            assertNull(meters.find(WardMetrics.RETRIES).tag("outcome", RetryStep.ABORTED).counter(),
                    "a refusal has no retry story");
            assertNull(meters.find(WardMetrics.BREAKER_TRANSITIONS).tag("from", "open").counter(),
                    "no refusal moved the breaker");
            Await.until(() -> compensated.get() == 1);
            server.server.close();
            assertEquals(1, compensated.get(), "only the request whose method ran was compensated");
            assertEquals(1, count(WardMetrics.COMPENSATIONS_SCHEDULED, "route", "POST /pay/{user}", "reason",
                    "exception"));
        }
    }

    @Test
    void aFallbackThatSkipsTheRefusalLeavesIt503WithRetryAfter() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/quote")
                .circuitBreaker("", 1.0, 1, 1, 60_000, 1)
                .fallback(FallbackSpec.applyOn(RuntimeException.class).skipOn(CircuitBreakerOpenException.class))
                .handler(exchange -> {
                    exchange.onFailure(cause -> Response.ok("fallback"));
                    ran.incrementAndGet();
                    exchange.respond(Response.status(502));
                }), builder -> builder.meterRegistry(meters))) {
            assertEquals(502, server.get("/quote").statusCode());
            awaitOpen("GET /quote");
            HttpResponse<String> refused = server.get("/quote");
            assertEquals(503, refused.statusCode(), refused::body);
            assertEquals(Optional.of("60"), refused.headers().firstValue("Retry-After"));
            assertTrue(refused.body().contains("the circuit breaker GET /quote is open; retry later"), refused.body());
            assertEquals(1, ran.get());
            assertNull(meters.find(WardMetrics.FALLBACKS).counter());
        }
    }

    @Test
    void aRefusalAnsweredByTheFallbackTakesNoProbeOfAHalfOpenBreaker() throws Exception {
        AtomicLong now = new AtomicLong();
        WardMetrics metrics = new WardMetrics(meters);
        Router router = new Router(null);
        ChainAssembly chains = new ChainAssembly(null, null, router, null, metrics, null, now::get);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        CountDownLatch probesMayAnswer = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        new RouteBuilder("GET", "/rates", spec -> chains.add(Route.of(spec, "RatesRoutes", workers, metrics, 1024,
                1000, Optional::empty, null))).circuitBreaker("", 1.0, 1, 1, 1000, 2)
                .fallback(FallbackSpec.applyOn(CircuitBreakerOpenException.class)).handler(exchange -> {
                    exchange.onFailure(cause -> Response.ok("cached rates"));
                    if (ran.incrementAndGet() == 1) {
                        exchange.respond(Response.status(502));
                    } else {
                        probesMayAnswer.await();
                        exchange.respond(Response.ok("live rates"));
                    }
                });
        Undertow undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(router).build();
        undertow.start();
        try {
            URI rates = URI.create("http://127.0.0.1:" + ((InetSocketAddress) undertow.getListenerInfo().get(0)
                    .getAddress()).getPort() + "/rates");
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest get = HttpRequest.newBuilder(rates).timeout(Duration.ofSeconds(20)).build();
            assertEquals(502, client.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
            awaitOpen("GET /rates");
            assertEquals("cached rates", client.send(get, HttpResponse.BodyHandlers.ofString()).body());

            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1000));
            List<CompletableFuture<HttpResponse<String>>> probes = List.of(
                    client.sendAsync(get, HttpResponse.BodyHandlers.ofString()),
                    client.sendAsync(get, HttpResponse.BodyHandlers.ofString()));
            Await.until(() -> ran.get() == 3, () -> ran.get() - 1 + " probes are running");
            assertEquals(2, meters.get(WardMetrics.BREAKER_STATE).tag("breaker", "GET /rates").gauge().value());
            assertEquals("cached rates", client.send(get, HttpResponse.BodyHandlers.ofString()).body(),
                    "both probe places are taken: the fallback answers");
            probesMayAnswer.countDown();
            for (CompletableFuture<HttpResponse<String>> probe : probes) {
                assertEquals("live rates", probe.get(20, TimeUnit.SECONDS).body());
            }
            Await.until(() -> meters.find(WardMetrics.BREAKER_TRANSITIONS).tag("to", "closed").counter() != null);
            assertEquals(1, count(WardMetrics.BREAKER_TRANSITIONS, "breaker", "GET /rates", "from", "half-open",
                    "to", "closed"), "the two probes closed it: the fallback's answer was not a third outcome");
            assertEquals("live rates", client.send(get, HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(4, ran.get(), "the two refusals never ran the method");
            assertEquals(2, count(WardMetrics.BREAKER_REJECTED, "route", "GET /rates", "breaker", "GET /rates"));
        } finally {
            undertow.stop();
            workers.shutdownNow();
        }
    }

    private static HttpResponse<String> post(TestServer server, String path) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }
}
