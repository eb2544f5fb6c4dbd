package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where a worker route's answer is written and its exchange completed: on the connection's I/O thread, handed over
 * as one task, so the worker never takes the I/O thread's selector and timer locks (docs/performance.md, "Round
 * three"); but on the worker when the handler made the exchange blocking, whose streams must not be closed on the
 * I/O thread.
 */
class AnswerThreadTest {
    private static final Map<String, Boolean> COMPLETED_ON_IO_THREAD = new ConcurrentHashMap<>();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(registry -> {
            registry.route("GET", "/guarded").recover().timeout(5, ChronoUnit.SECONDS).handler(ex -> {
                recordCompletion(ex, "guarded");
                ex.respond(Replies.text("guarded"));
            });
            registry.route("GET", "/async").handler(ex -> {
                recordCompletion(ex, "async");
                ex.respondAsync(CompletableFuture.supplyAsync(() -> "later"), Replies::text);
            });
            registry.route("GET", "/failing").recover().handler(ex -> {
                recordCompletion(ex, "failing");
                throw new IllegalStateException("on purpose");
            });
            registry.route("POST", "/partly-read").streamBody().handler(ex -> {
                recordCompletion(ex, "partly-read");
                InputStream in = ex.bodyStream(); // left open, the rest unread: ending the exchange drains it
                ex.respond(Replies.text(Integer.toString(in.readNBytes(10).length)));
            });
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void recordCompletion(RouteExchange ex, String route) {
        ex.raw().addExchangeCompleteListener((done, next) -> {
            try {
                COMPLETED_ON_IO_THREAD.put(route, done.isInIoThread());
            } finally {
                next.proceed();
            }
        });
    }

    @Test
    void aWorkerRoutesAnswerCompletesOnTheIoThread() throws Exception {
        assertEquals("guarded", server.get("/guarded").body());
        Await.until(() -> COMPLETED_ON_IO_THREAD.containsKey("guarded"));
        assertTrue(COMPLETED_ON_IO_THREAD.get("guarded"), "completed on the worker");
    }

    @Test
    void anAsynchronousAnswerCompletesOnTheIoThread() throws Exception {
        assertEquals("later", server.get("/async").body());
        Await.until(() -> COMPLETED_ON_IO_THREAD.containsKey("async"));
        assertTrue(COMPLETED_ON_IO_THREAD.get("async"), "completed on the stage's thread");
    }

    @Test
    void aRecoveredFailureCompletesOnTheIoThread() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            assertEquals(500, server.get("/failing").statusCode());
            Await.until(() -> COMPLETED_ON_IO_THREAD.containsKey("failing"));
            assertTrue(COMPLETED_ON_IO_THREAD.get("failing"), "completed on the worker");
            assertEquals(1, logs.mentioning("route GET /failing failed").size());
        }
    }

    @Test
    void aBlockingExchangeCompletesOnItsWorker() throws Exception {
        try (RawHttp connection = new RawHttp(server.server.port())) {
            connection.write("POST /partly-read HTTP/1.1\r\nHost: x\r\nContent-Length: 65536\r\n\r\n"
                    + "x".repeat(65536));
            String first = connection.readResponse();
            assertTrue(first.startsWith("HTTP/1.1 200 ") && first.endsWith("\r\n\r\n10"), first);
            connection.write("GET /guarded HTTP/1.1\r\nHost: x\r\n\r\n");
            String second = connection.readResponse();
            assertTrue(second.startsWith("HTTP/1.1 200 ") && second.endsWith("guarded"), second);
        }
        Await.until(() -> COMPLETED_ON_IO_THREAD.containsKey("partly-read"));
        assertEquals(false, COMPLETED_ON_IO_THREAD.get("partly-read"), "completed on the I/O thread");
    }
}
