package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** @Traced with a meter registry: Micrometer's HTTP server names and tags, recorded as the client saw them. */
class TracedTest {
    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private static final CountDownLatch release = new CountDownLatch(1);
    private static final CountDownLatch entered = new CountDownLatch(1);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(registry -> {
            registry.route("GET", "/orders/{id}").traced("").handler(ex -> ex.respond(Response.ok(ex.pathParam("id"))));
            registry.route("GET", "/boom").traced("").recover().handler(ex -> {
                throw new IllegalStateException("boom");
            });
            registry.route("GET", "/slow").traced("").timeout(50, ChronoUnit.MILLIS).handler(ex -> {
                Thread.sleep(5_000);
                ex.respond(Response.ok("late"));
            });
            registry.route("POST", "/upload").traced("").bufferBody().handler(ex -> ex.respond(Response.ok("ok")));
            registry.route("GET", "/async").traced("orders.async").handler(ex -> ex.respondAsync(
                    CompletableFuture.supplyAsync(() -> "done", CompletableFuture.delayedExecutor(200,
                            TimeUnit.MILLISECONDS)), Replies::text));
            registry.route("GET", "/held").traced("").handler(ex -> {
                entered.countDown();
                release.await();
                ex.respond(Response.ok("released"));
            });
            registry.route("GET", "/status/{code}").traced("").handler(ex -> ex.respond(
                    Response.status(Integer.parseInt(ex.pathParam("code"))).body("answered")));
            registry.route("GET", "/untraced").handler(ex -> ex.respond(Response.ok("quiet")));
        }, builder -> builder.meterRegistry(meters).maxEntitySize(100));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSuccessIsTimedUnderItsTemplateNeverItsPath() throws Exception {
        assertEquals("42", server.get("/orders/42").body());
        assertEquals("43", server.get("/orders/43").body());
        assertTimed(2, "http.server.requests", "GET", "/orders/{id}", "200", "SUCCESS", "none");
        assertTrue(meters.find("http.server.requests").tag("uri", "/orders/42").timers().isEmpty());
    }

    @Test
    void eachStatusAndMethodHasItsOwnTimer() throws Exception {
        assertEquals(200, server.get("/status/200").statusCode());
        assertEquals(404, server.get("/status/404").statusCode());
        assertEquals(200, server.get("/status/200").statusCode());
        assertEquals(200, server.send(HttpRequest.newBuilder(server.uri("/status/200"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode());
        assertTimed(2, "http.server.requests", "GET", "/status/{code}", "200", "SUCCESS", "none");
        assertTimed(1, "http.server.requests", "GET", "/status/{code}", "404", "CLIENT_ERROR", "none");
        assertTimed(1, "http.server.requests", "HEAD", "/status/{code}", "200", "SUCCESS", "none");
    }

    @Test
    void unmatchedRequestsAreNotFoundOrUnknownNeverTheirPath() throws Exception {
        assertEquals(404, server.get("/no/such/thing").statusCode());
        assertEquals(405, server.send(HttpRequest.newBuilder(server.uri("/orders/1")).DELETE()).statusCode());
        assertTimed(1, "http.server.requests", "GET", "NOT_FOUND", "404", "CLIENT_ERROR", "none");
        assertTimed(1, "http.server.requests", "DELETE", "UNKNOWN", "405", "CLIENT_ERROR", "none");
    }

    @Test
    void theStatusRecordedIsTheOneTheClientReceived() throws Exception {
        assertEquals(500, server.get("/boom").statusCode());
        assertTimed(1, "http.server.requests", "GET", "/boom", "500", "SERVER_ERROR",
                "IllegalStateException");
        assertEquals(503, server.get("/slow").statusCode());
        assertTimed(1, "http.server.requests", "GET", "/slow", "503", "SERVER_ERROR", "none");
        assertEquals(413, server.send(HttpRequest.newBuilder(server.uri("/upload"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(101)))).statusCode());
        assertTimed(1, "http.server.requests", "POST", "/upload", "413", "CLIENT_ERROR", "none");
        assertEquals(1.0, meters.get(WardMetrics.BODY_REJECTED).tag("route", "POST /upload").tag("status", "413")
                .counter().count());
        assertEquals(1.0, meters.get(WardMetrics.TIMEOUTS).tag("route", "GET /slow").counter().count());
    }

    @Test
    void anAsyncRouteIsTimedUntilItsResponseCompletedUnderItsOwnName() throws Exception {
        assertEquals("done", server.get("/async").body());
        Timer timer = assertTimed(1, "orders.async", "GET", "/async", "200", "SUCCESS", "none");
        assertTrue(timer.totalTime(TimeUnit.MILLISECONDS) >= 200, "timed " + timer.totalTime(TimeUnit.MILLISECONDS));
    }

    @Test
    void requestsInFlightAreVisibleWhileTheyRun() throws Exception {
        CompletableFuture<String> held = server.client.sendAsync(HttpRequest.newBuilder(server.uri("/held")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).thenApply(java.net.http.HttpResponse::body);
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        LongTaskTimer active = meters.get("http.server.requests.active").tag("uri", "/held").longTaskTimer();
        assertEquals(1, active.activeTasks());
        assertEquals(1.0, meters.get(WardMetrics.IN_FLIGHT).tag("route", "GET /held").gauge().value());
        release.countDown();
        assertEquals("released", held.get(5, TimeUnit.SECONDS));
        // Both are released by exchange-completion listeners, which may run after the client has its answer.
        Gauge inFlight = meters.get(WardMetrics.IN_FLIGHT).tag("route", "GET /held").gauge();
        Await.until(() -> active.activeTasks() == 0 && inFlight.value() == 0.0,
                () -> "active " + active.activeTasks() + ", in flight " + inFlight.value());
    }

    @Test
    void routesWithoutTracedAreNotTimed() throws Exception {
        assertEquals("quiet", server.get("/untraced").body());
        assertNull(meters.find("http.server.requests").tag("uri", "/untraced").timer());
    }

    /**
     * The timer with these tags, waiting briefly for it: an observation stops when the exchange completes on the
     * server, which can be a moment after the client has read the whole response.
     */
    private static Timer assertTimed(long count, String name, String method, String uri, String status,
                                     String outcome, String exception) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Timer timer;
        do {
            timer = meters.find(name).tag("method", method).tag("uri", uri).tag("status", status)
                    .tag("outcome", outcome).tag("exception", exception).timer();
        } while ((timer == null || timer.count() < count) && System.nanoTime() < deadline && sleep());
        assertNotNull(timer, name + " " + method + " " + uri + " " + status + " in " + meters.getMetersAsString());
        assertEquals(count, timer.count());
        return timer;
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(10);
        return true;
    }
}
