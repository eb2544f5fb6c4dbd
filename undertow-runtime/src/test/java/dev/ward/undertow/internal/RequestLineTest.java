package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Undertow's parser lets through but no handler should see: an encoded NUL and percent-encoded bytes that
 * are not UTF-8. Raw sockets, since no well-behaved client sends them.
 */
class RequestLineTest {
    private static final AtomicInteger HANDLED = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(registry -> registry.route("GET", "/echo/{value}").handler(ex -> {
            HANDLED.incrementAndGet();
            ex.respond(Response.ok(ex.pathParam("value") + "|" + ex.optionalQuery("q").orElse("-")));
        }));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void resetCount() {
        HANDLED.set(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.0", "HTTP/1.1"})
    void http10And11AreServed(String version) throws IOException {
        try (RawHttp raw = new RawHttp(server.server.port())) {
            String answer = raw.write("GET /echo/a?q=b " + version + "\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(answer.startsWith(version + " 200 "), answer);
            assertTrue(answer.endsWith("a|b"), answer);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/echo/a%00b", "/echo/%00", "/echo/a?q=x%00", "/echo/%C0%AF", "/echo/a?q=%C0%AF",
            "/echo/%E0%A4", "/echo/a?q=%E0%A4", "/echo/%E0%A4x", "/echo/%FF", "/echo/a?q=%ED%A0%80"})
    void anEncodedNulOrInvalidUtf8IsA400BeforeTheHandler(String target) throws IOException {
        try (RawHttp raw = new RawHttp(server.server.port())) {
            String answer = raw.write("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.contains("Content-Type: application/problem+json"), answer);
            assertTrue(answer.contains(target.contains("?") ? "the query" : "the path"), answer);
        }
        assertEquals(0, HANDLED.get(), "the handler never runs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/echo/caf%C3%A9?q=%E2%82%AC", "/echo/caf%c3%a9?q=%e2%82%ac"})
    void validMultiByteUtf8IsDecoded(String target) throws IOException {
        try (RawHttp raw = new RawHttp(server.server.port())) {
            String answer = raw.write("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
            String body = new String(answer.substring(answer.indexOf("\r\n\r\n") + 4)
                    .getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            assertEquals("café|€", body);
        }
    }
}
