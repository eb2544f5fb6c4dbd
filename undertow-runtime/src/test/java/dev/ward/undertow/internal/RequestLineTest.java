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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Undertow's parser lets through but no handler should see. An encoded NUL and percent-encoded bytes that are
 * not UTF-8 are a 400. The protocol version, which the parser forgets: a version other than HTTP/1.x is answered 505
 * and the connection closed, before any handler runs, on every request of a connection, pipelined or not, however
 * the line is split into reads. Raw sockets, since no well-behaved client sends these.
 */
class RequestLineTest {
    private static final AtomicInteger HANDLED = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(registry -> {
            registry.route("GET", "/echo/{value}").handler(ex -> {
                HANDLED.incrementAndGet();
                ex.respond(Response.ok(ex.pathParam("value") + "|" + ex.optionalQuery("q").orElse("-")));
            });
            registry.route("POST", "/echo").bufferBody().handler(ex -> ex.respond(Response.ok(ex.bodyText())));
        });
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

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/9.9", "HTTP/2.0", "HTTP/3.0", "HTTP/0.9", "HTTP/0.1"})
    void aMajorVersionOtherThanOneIsA505AndAClosedConnection(String version) throws IOException {
        try (RawHttp raw = new RawHttp(server.server.port())) {
            String answer = raw.write("GET /echo/a " + version + "\r\nHost: x\r\n\r\n").readResponse();
            assertRefused(version, answer);
            assertTrue(raw.closedByServer(), "the connection is closed after the 505");
        }
        assertEquals(0, HANDLED.get(), "the handler never runs");
    }

    @Test
    void theHttp2PrefaceHasNoHostAndGetsUndertowsBare400() throws IOException {
        try (RawHttp raw = new RawHttp(server.server.port())) {
            String answer = raw.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n").readUntilClosed();
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.2", "HTTP/1.9"})
    void aMinorVersionWeDoNotKnowIsServedAsHttp11(String version) throws IOException {
        // RFC 9110 §2.5: a recipient answers a higher minor version of its own major one as that major version.
        try (RawHttp raw = new RawHttp(server.server.port())) {
            String answer = raw.write("GET /echo/a?q=b " + version + "\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
            assertTrue(answer.endsWith("a|b"), answer);
        }
    }

    @Test
    void theSecondRequestOfAKeepAliveConnectionIsCheckedToo() throws IOException {
        try (RawHttp raw = new RawHttp(server.server.port())) {
            String first = raw.write("GET /echo/a HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(first.startsWith("HTTP/1.1 200 ") && first.endsWith("a|-"), first);
            String second = raw.write("GET /echo/b HTTP/9.9\r\nHost: x\r\n\r\n").readResponse();
            assertRefused("HTTP/9.9", second);
            assertTrue(raw.closedByServer());
        }
        assertEquals(1, HANDLED.get());
    }

    @Test
    void pipelinedRequestsAreCheckedOneByOneAndABodyIsNeverTakenForARequestLine() throws IOException {
        String lookalike = "GET /echo/x HTTP/9.9\r\nHost: x\r\n\r\n";
        String chunk = Integer.toHexString(lookalike.length()) + "\r\n" + lookalike + "\r\n0\r\n\r\n";
        try (RawHttp raw = new RawHttp(server.server.port())) {
            raw.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: "
                    + lookalike.length() + "\r\n\r\n" + lookalike
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + chunk
                    + "GET /echo/b HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /echo/c HTTP/2.0\r\nHost: x\r\n\r\n"
                    + "GET /echo/d HTTP/1.1\r\nHost: x\r\n\r\n");
            for (int i = 0; i < 2; i++) {
                String echoed = raw.readResponse();
                assertTrue(echoed.startsWith("HTTP/1.1 200 ") && echoed.endsWith(lookalike), echoed);
            }
            String served = raw.readResponse();
            assertTrue(served.startsWith("HTTP/1.1 200 ") && served.endsWith("b|-"), served);
            assertRefused("HTTP/2.0", raw.readResponse());
            assertTrue(raw.closedByServer(), "the request after the refused one is never answered");
        }
        assertEquals(1, HANDLED.get(), "only /echo/b ran");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1", "HTTP/2.0"})
    void aRequestLineSplitOverManyReadsIsReadWhole(String version) throws IOException {
        try (RawHttp raw = new RawHttp(server.server.port())) {
            String first = raw.writeBytewise("GET /echo/a HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            assertTrue(first.startsWith("HTTP/1.1 200 ") && first.endsWith("a|-"), first);
            String second = raw.writeBytewise("GET /echo/b " + version + "\r\nHost: x\r\n\r\n").readResponse();
            if (version.equals("HTTP/1.1")) {
                assertTrue(second.startsWith("HTTP/1.1 200 ") && second.endsWith("b|-"), second);
            } else {
                assertRefused(version, second);
            }
        }
    }

    private static void assertRefused(String version, String answer) {
        assertTrue(answer.startsWith("HTTP/1.1 505 "), answer);
        assertTrue(answer.contains("Connection: close"), answer);
        assertTrue(answer.contains("Content-Type: application/problem+json"), answer);
        assertTrue(answer.contains("\"detail\":\"" + version + " is not supported; this server speaks HTTP/1.1\""),
                answer);
        assertTrue(answer.contains("X-Request-Id: "), answer);
    }
}
