package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.Response;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** @ReplayBody: every consumer sees the whole body, and none sees another's edits. */
class ReplayBodyTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(registry -> {
            registry.route("POST", "/raw").replayBody(1024).handler(ex -> {
                String text = ex.bodyText();
                String first = new String(ex.raw().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String second = new String(ex.raw().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                try (InputStream stream = ex.bodyStream()) {
                    ex.respond(Response.ok(text + "|" + first + "|" + second + "|"
                            + new String(stream.readAllBytes(), StandardCharsets.UTF_8)));
                }
            });
            registry.route("POST", "/copies").replayBody(1024).handler(ex -> {
                byte[] mine = ex.bodyBytes();
                mine[0] = 'X';
                byte[] theirs = ex.bodyBytes();
                ex.respond(Response.ok(new String(mine, StandardCharsets.UTF_8) + "|"
                        + new String(theirs, StandardCharsets.UTF_8) + "|" + ex.bodyText()));
            });
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theRawExchangesInputStreamReplaysTheBodyEachTimeItIsAskedFor() throws Exception {
        assertEquals("héllo|héllo|héllo|héllo", post("/raw", "héllo"));
    }

    @Test
    void eachByteArrayConsumerGetsItsOwnCopy() throws Exception {
        assertEquals("Xbc|abc|abc", post("/copies", "abc"));
    }

    private static String post(String path, String body) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))).body();
    }
}
