package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How results become responses, and how bad input becomes a 400 (never a 500). */
class AnsweringTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(registry -> {
            registry.route("GET", "/void").handler(ex -> ex.respond(Replies.noContent()));
            registry.route("GET", "/text").handler(ex -> ex.respond(Replies.text("héllo")));
            registry.route("GET", "/bytes").handler(ex -> ex.respond(Replies.bytes(new byte[] {1, 2, 3})));
            registry.route("GET", "/response").handler(ex -> ex.respond(Replies.response(
                    Response.status(201).header("Location", "/x/1").header("X-Two", "a").header("X-Two", "b")
                            .body("{}".getBytes(StandardCharsets.UTF_8), "application/json"))));
            registry.route("GET", "/async").handler(ex -> ex.respondAsync(
                    CompletableFuture.supplyAsync(() -> "later"), Replies::text));
            registry.route("GET", "/null").handler(ex -> ex.respond(Replies.text(null)));
            registry.route("GET", "/count/{n}").handler(ex -> {
                int n = Bind.toInt(ex.pathParam("n"), "path parameter 'n'");
                long limit = ex.optionalQuery("limit").map(raw -> Bind.toLong(raw, "query parameter 'limit'")).orElse(10L);
                String token = ex.requiredHeader("X-Token");
                ex.respond(Replies.text(n + "/" + limit + "/" + token));
            });
            registry.route("POST", "/echo").bufferBody().handler(ex -> ex.respond(Replies.text(ex.bodyText())));
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void voidIs204WithoutBody() throws Exception {
        HttpResponse<String> response = server.get("/void");
        assertEquals(204, response.statusCode());
        assertEquals("", response.body());
        assertFalse(response.headers().firstValue("Content-Length").isPresent());
    }

    @Test
    void stringIs200TextPlainUtf8() throws Exception {
        HttpResponse<String> response = server.get("/text");
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("héllo", response.body());
    }

    @Test
    void bytesAreOctetStream() throws Exception {
        HttpResponse<byte[]> response = server.client.send(HttpRequest.newBuilder(server.uri("/bytes")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("application/octet-stream", response.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(new byte[] {1, 2, 3}, response.body());
    }

    @Test
    void responseKeepsStatusHeadersAndBody() throws Exception {
        HttpResponse<String> response = server.get("/response");
        assertEquals(201, response.statusCode());
        assertEquals("/x/1", response.headers().firstValue("Location").orElseThrow());
        assertEquals(java.util.List.of("a", "b"), response.headers().allValues("X-Two"));
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{}", response.body());
    }

    @Test
    void asyncResultsAreWrittenWhenTheyComplete() throws Exception {
        assertEquals("later", server.get("/async").body());
    }

    @Test
    void aNullResultIsA500NotAnEmptySuccess() throws Exception {
        HttpResponse<String> response = server.get("/null");
        assertEquals(500, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertFalse(response.body().contains("NullPointer"), response.body());
    }

    @Test
    void convertedParametersBind() throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/count/3?limit=99"))
                .header("X-Token", "t"));
        assertEquals("3/99/t", response.body());
    }

    @Test
    void aValueThatDoesNotConvertIsA400NamingTheParameterAndEchoingAtMost100Characters() throws Exception {
        String junk = "x".repeat(300);
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/count/" + junk))
                .header("X-Token", "t"));
        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"detail\":\"path parameter 'n': '" + "x".repeat(100)
                + "' (cut at 100 characters) is not a whole number in the int range\""), response.body());
        assertFalse(response.body().contains("x".repeat(101)), response.body());
    }

    @Test
    void aMissingRequiredValueIsA400() throws Exception {
        HttpResponse<String> response = server.get("/count/3");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("\"detail\":\"header 'X-Token' is required\""), response.body());
        HttpResponse<String> badQuery = server.send(HttpRequest.newBuilder(server.uri("/count/3?limit=lots"))
                .header("X-Token", "t"));
        assertEquals(400, badQuery.statusCode());
        assertTrue(badQuery.body().contains("query parameter 'limit': 'lots' is not a whole number"), badQuery.body());
    }

    @Test
    void textBodiesAreDecodedWithTheirDeclaredCharset() throws Exception {
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/echo"))
                .header("Content-Type", "text/plain; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)));
        assertEquals("café", response.body());
        HttpResponse<String> utf8 = server.send(HttpRequest.newBuilder(server.uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("café")));
        assertEquals("café", utf8.body());
        HttpResponse<String> unknown = server.send(HttpRequest.newBuilder(server.uri("/echo"))
                .header("Content-Type", "text/plain; charset=klingon")
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(415, unknown.statusCode());
    }
}
