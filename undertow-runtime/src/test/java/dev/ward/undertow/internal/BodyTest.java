package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Request bodies: buffered without blocking and bounded, streamed and bounded, and refused cleanly. */
class BodyTest {
    private static final int LIMIT = 1024;
    private static final AtomicInteger handlerCalls = new AtomicInteger();
    private static final io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(registry -> {
            registry.route("POST", "/buffered").bufferBody().handler(ex -> {
                handlerCalls.incrementAndGet();
                ex.respond(Replies.text(Integer.toString(ex.bodyBytes().length)));
            });
            registry.route("POST", "/stream").streamBody().handler(ex -> {
                try (InputStream in = ex.bodyStream()) {
                    ex.respond(Replies.text(Integer.toString(in.readAllBytes().length)));
                }
            });
            registry.route("GET", "/ok").handler(ex -> ex.respond(Response.ok("ok")));
        }, builder -> builder.maxEntitySize(LIMIT).meterRegistry(meters));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void bodiesWithinTheLimitArrive() throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/buffered"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(LIMIT))));
        assertEquals("1024", response.body());
        HttpResponse<String> streamed = server.send(HttpRequest.newBuilder(server.uri("/stream"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(LIMIT))));
        assertEquals("1024", streamed.body());
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeAnyByteIsRead() throws Exception {
        int before = handlerCalls.get();
        try (RawHttp raw = new RawHttp(server.server.port())) {
            String answer = raw.write("POST /buffered HTTP/1.1\r\nHost: x\r\nContent-Length: 1500000000\r\n\r\n")
                    .readUntilClosed();
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains("larger than the limit of 1024 bytes"), answer);
        }
        try (RawHttp raw = new RawHttp(server.server.port())) {
            String answer = raw.write("POST /stream HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n")
                    .readUntilClosed();
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
        }
        assertEquals(before, handlerCalls.get());
    }

    @Test
    void aChunkedBodyIsRefusedAsSoonAsItCrossesTheLimit() throws Exception {
        for (String path : new String[] {"/buffered", "/stream"}) {
            try (RawHttp raw = new RawHttp(server.server.port())) {
                raw.write("POST " + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
                for (int i = 0; i < 2; i++) {
                    raw.write("200\r\n" + "y".repeat(512) + "\r\n");
                }
                raw.write("1\r\nz\r\n"); // one byte past the limit, and nothing after it to be reset over
                String answer = raw.readUntilClosed();
                assertTrue(answer.startsWith("HTTP/1.1 413 "), path + ": " + answer);
            }
        }
        assertEquals("ok", server.get("/ok").body());
    }

    @Test
    void aTruncatedBodyIsA400() throws Exception {
        try (RawHttp raw = new RawHttp(server.server.port())) {
            raw.write("POST /buffered HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789");
            raw.shutdownOutput();
            String answer = raw.readUntilClosed();
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.contains("truncated or malformed"), answer);
        }
        assertEquals(1.0, meters.get(WardMetrics.BODY_REJECTED).tag("route", "POST /buffered").tag("status", "400")
                .counter().count());
    }
}
