package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** @Recover: no request dies unanswered, nothing internal reaches the wire, the server keeps serving. */
class RecoverTest {
    private static final String SECRET = "db password is hunter2";
    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(registry -> {
            registry.route("GET", "/throws").recover().handler(ex -> {
                throw new IllegalStateException(SECRET);
            });
            registry.route("GET", "/binding").recover().handler(ex -> ex.respond(Response.ok(ex.pathParam("nope"))));
            registry.route("GET", "/future").recover().handler(ex -> ex.respondAsync(
                    CompletableFuture.failedFuture(new IOException(SECRET)), Replies::text));
            registry.route("GET", "/started").recover().handler(ex -> {
                ex.raw().getResponseHeaders().put(io.undertow.util.Headers.CONTENT_LENGTH, 1000);
                ex.raw().startBlocking();
                OutputStream out = ex.raw().getOutputStream();
                out.write("partial".getBytes(StandardCharsets.UTF_8));
                out.flush();
                throw new IllegalStateException(SECRET);
            });
            registry.route("GET", "/unrecovered").handler(ex -> {
                throw new IllegalArgumentException(SECRET);
            });
            registry.route("GET", "/unrecovered-once").handler(ex -> {
                throw new IllegalArgumentException(SECRET);
            });
            registry.route("GET", "/flood").handler(ex -> {
                throw new IllegalArgumentException(SECRET);
            });
            registry.route("GET", "/ok").recover().handler(ex -> ex.respond(Response.ok("ok")));
        }, builder -> builder.meterRegistry(meters).workerThreads(4));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aThrowingHandlerIsA500ProblemWithTheRequestIdAndNothingInternal() throws Exception {
        double before = count(WardMetrics.RECOVERED, "GET /throws", "IllegalStateException");
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/throws"))
                    .header("X-Request-Id", "req-throws-1"));
            assertEquals(500, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,"
                    + "\"instance\":\"req-throws-1\"}", response.body());
            assertNoInternals(response);

            LogRecord logged = onlyRecord(logs, "req-throws-1");
            assertEquals(Level.SEVERE, logged.getLevel());
            assertTrue(LogCapture.text(logged).contains("GET /throws"), LogCapture.text(logged));
            assertTrue(logged.getThrown() instanceof IllegalStateException, "the stack is logged");
        }
        assertEquals(before + 1, count(WardMetrics.RECOVERED, "GET /throws", "IllegalStateException"));
        assertEquals("ok", server.get("/ok").body());
    }

    @Test
    void failuresInBindingAndFailedFuturesAreRecoveredToo() throws Exception {
        for (String path : new String[] {"/binding", "/future"}) {
            HttpResponse<String> response = server.get(path);
            assertEquals(500, response.statusCode(), path);
            assertNoInternals(response);
        }
        assertEquals(1.0, meters.get(WardMetrics.RECOVERED).tag("route", "GET /future")
                .tag("exception", "IOException").counter().count());
    }

    @Test
    void aFailureAfterTheResponseStartedClosesTheConnectionInsteadOfFakingSuccess() throws Exception {
        IOException broken = assertThrows(IOException.class, () -> server.client.send(
                HttpRequest.newBuilder(server.uri("/started")).timeout(java.time.Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()));
        assertFalse(broken instanceof java.net.http.HttpTimeoutException, "closed at once, not left hanging");
        assertEquals(1.0, meters.get(WardMetrics.ABORTED).tag("route", "GET /started").counter().count());
        assertEquals("ok", server.get("/ok").body());
    }

    @Test
    void withoutRecoverAThrowingRouteStillAnswersA500AndLogsOneLineWithoutTheStack() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/unrecovered-once"))
                    .header("X-Request-Id", "req-plain-1"));
            assertEquals(500, response.statusCode());
            assertNoInternals(response);
            LogRecord logged = onlyRecord(logs, "req-plain-1");
            assertEquals(Level.WARNING, logged.getLevel());
            assertNull(logged.getThrown());
            assertTrue(LogCapture.text(logged).contains("IllegalArgumentException"));
            assertFalse(LogCapture.text(logged).contains(SECRET));
        }
        assertEquals("ok", server.get("/ok").body());
    }

    @Test
    void aRouteWithoutRecoverThatFailsOnEveryRequestLogsOneLinePerIntervalAndCountsThemAll() throws Exception {
        int requests = 50;
        try (LogCapture logs = new LogCapture()) {
            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                assertEquals(500, server.get("/flood").statusCode());
            }
            long intervals = (System.nanoTime() - start) / LogRateLimit.UNRECOVERED_FAILURES.toNanos();
            List<LogRecord> lines = logs.mentioning("route GET /flood failed");
            assertTrue(lines.size() >= 1 && lines.size() <= 1 + intervals, "lines: " + lines.size());
            assertEquals(requests, count(WardMetrics.UNRECOVERED, "GET /flood", "IllegalArgumentException"));
        }
    }

    @Test
    void manyFailuresLoseNoWorker() throws Exception {
        for (int i = 0; i < 200; i++) {
            assertEquals(500, server.get(i % 2 == 0 ? "/throws" : "/unrecovered").statusCode());
        }
        assertEquals("ok", server.get("/ok").body());
        long workers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("ward-worker-")).count();
        assertTrue(workers <= 4, "the pool never grew past its bound: " + workers);
    }

    private static double count(String name, String route, String exception) {
        var counter = meters.find(name).tag("route", route).tag("exception", exception).counter();
        return counter == null ? 0 : counter.count();
    }

    private static LogRecord onlyRecord(LogCapture logs, String requestId) {
        assertEquals(1, logs.mentioning(requestId).size(), "logged exactly once: " + logs.records);
        LogRecord record = logs.mentioning(requestId).get(0);
        assertNotNull(record);
        return record;
    }

    private static void assertNoInternals(HttpResponse<String> response) {
        String wire = response.headers().map() + response.body();
        for (String internal : new String[] {SECRET, "Exception", "at dev.ward", "java."}) {
            assertFalse(wire.contains(internal), "the wire shows " + internal + ": " + wire);
        }
    }
}
