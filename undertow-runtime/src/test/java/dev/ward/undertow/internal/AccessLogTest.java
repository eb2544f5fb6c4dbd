package dev.ward.undertow.internal;

import dev.ward.undertow.Routes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access log writes combined-format lines off the request path, and drops rather than blocks. */
class AccessLogTest {
    private static final Routes ROUTES = registry -> registry.route("GET", "/hello")
            .handler(ex -> ex.respond(Response.ok("hi")));

    @Test
    void writesACombinedLinePerRequestToAFile(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("access.log");
        try (TestServer server = TestServer.start(ROUTES, builder -> builder.accessLog(log))) {
            server.send(java.net.http.HttpRequest.newBuilder(server.uri("/hello")).header("User-Agent", "probe/1"));
            server.get("/missing");
        }
        List<String> lines = Files.readAllLines(log);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("127\\.0\\.0\\.1 - - \\[.+] \"GET /hello HTTP/1\\.1\" 200 2 \"-\" \"probe/1\""),
                lines.get(0));
        assertTrue(lines.get(1).contains("\"GET /missing HTTP/1.1\" 404"), lines.get(1));
    }

    @Test
    void aBlockedSinkNeverSlowsARequestAndOverflowIsCounted() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (TestServer server = TestServer.start(ROUTES, builder -> builder.meterRegistry(meters).accessLogQueue(4)
                .accessLog(line -> {
                    try {
                        unblock.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }))) {
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                assertEquals("hi", server.get("/hello").body());
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 10_000, "50 requests answered while the log sink was stuck: " + millis + " ms");
            // One line is held by the stuck writer and four wait in the queue; the other 45 are dropped.
            assertEquals(45.0, meters.get(WardMetrics.ACCESS_LOG_DROPPED).functionCounter().count(), 1.0);
            unblock.countDown();
        }
    }
}
