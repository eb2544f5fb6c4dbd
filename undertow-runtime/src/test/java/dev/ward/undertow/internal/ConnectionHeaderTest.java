package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Connection} in answers: none on a persistent HTTP/1.1 connection (persistence is HTTP/1.1's default),
 * {@code keep-alive} for an HTTP/1.0 client that asked for it, {@code close} whenever the server closes. Each case
 * checks that the connection does what the header says.
 */
class ConnectionHeaderTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(registry -> registry.route("GET", "/hello").handler(ex -> ex.respond(
                Response.ok("hello"))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void http11AnswersHaveNoConnectionHeaderAndTheConnectionStaysOpen() throws IOException {
        try (RawHttp raw = new RawHttp(server.server.port())) {
            for (String target : new String[] {"/hello", "/missing", "/hello"}) {
                String answer = raw.write("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
                assertTrue(answer.startsWith(target.equals("/hello") ? "HTTP/1.1 200 " : "HTTP/1.1 404 "), answer);
                assertNull(connection(answer), answer);
            }
            assertFalse(raw.readTimeout(200).closedByServer(), "the connection stays open");
        }
    }

    @Test
    void anHttp10ClientThatAsksForKeepAliveIsToldSoAndKeepsTheConnection() throws IOException {
        try (RawHttp raw = new RawHttp(server.server.port())) {
            for (int i = 0; i < 2; i++) {
                String answer = raw.write("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").readResponse();
                assertTrue(answer.startsWith("HTTP/1.0 200 "), answer);
                assertEquals("keep-alive", connection(answer), answer);
            }
            assertFalse(raw.readTimeout(200).closedByServer(), "the connection stays open");
        }
    }

    @Test
    void anHttp10ClientThatDoesNotAskIsToldCloseAndTheConnectionCloses() throws IOException {
        try (RawHttp raw = new RawHttp(server.server.port())) {
            String answer = raw.write("GET /hello HTTP/1.0\r\n\r\n").readResponse();
            assertTrue(answer.startsWith("HTTP/1.0 200 "), answer);
            assertEquals("close", connection(answer), answer);
            assertTrue(raw.closedByServer(), "the server closes the connection");
        }
    }

    @Test
    void anHttp11ClientThatSaysCloseIsToldCloseAndTheConnectionCloses() throws IOException {
        try (RawHttp raw = new RawHttp(server.server.port())) {
            String answer = raw.write("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .readResponse();
            assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
            assertEquals("close", connection(answer), answer);
            assertTrue(raw.closedByServer(), "the server closes the connection");
        }
    }

    /** The value of the answer's {@code Connection} header, null without one. */
    private static String connection(String answer) {
        String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
        String found = null;
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Connection:", 0, 11)) {
                assertNull(found, "one Connection header: " + answer);
                found = line.substring(11).trim();
            }
        }
        return found;
    }
}
