package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Expect: 100-continue}: the client sends only the head and waits; the server asks for the body as the route
 * starts reading it, then answers.
 */
class ExpectContinueTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(registry -> registry.route("POST", "/echo").bufferBody()
                .handler(ex -> ex.respond(Response.ok(ex.bodyText()))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theBodyIsAskedForThenAnswered() throws IOException {
        try (RawHttp raw = new RawHttp(server.server.port())) {
            String asked = raw.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                    + "Expect: 100-continue\r\n\r\n").readResponse();
            assertTrue(asked.startsWith("HTTP/1.1 100 "), asked);
            String answer = raw.write("hello").readResponse();
            assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
            assertTrue(answer.endsWith("\r\n\r\nhello"), answer);
        }
    }
}
