package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's own answers: routing, 404, 405, HEAD, OPTIONS, request ids, problem details. */
class RoutingTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(registry -> {
            registry.route("GET", "/users/{id}").handler(ex -> ex.respond(Response.ok("user " + ex.pathParam("id"))));
            registry.route("POST", "/users/{key}").handler(ex -> ex.respond(Response.ok("posted " + ex.pathParam("key"))));
            registry.route("GET", "/users/me").handler(ex -> ex.respond(Response.ok("me")));
            registry.route("GET", "/thread").handler(ex -> ex.respond(Response.ok(Thread.currentThread().getName())));
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pathVariablesComeFromTheTemplateNeverTheQuery() throws Exception {
        HttpResponse<String> response = server.get("/users/42?id=evil");
        assertEquals(200, response.statusCode());
        assertEquals("user 42", response.body());
    }

    @Test
    void eachMethodKeepsItsOwnVariableNamesAndLiteralsWin() throws Exception {
        assertEquals("posted 7", server.send(HttpRequest.newBuilder(server.uri("/users/7"))
                .POST(HttpRequest.BodyPublishers.noBody())).body());
        assertEquals("me", server.get("/users/me").body());
    }

    @Test
    void unknownPathIsA404Problem() throws Exception {
        HttpResponse<String> response = server.get("/nothing/here");
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"no route matches this path\",\"instance\":\"" + id + "\"}", response.body());
    }

    @Test
    void emptyVariableSegmentIsNotAMatch() throws Exception {
        assertEquals(404, server.get("/users/").statusCode());
    }

    @Test
    void knownPathWithWrongMethodIsA405WithAllow() throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/users/42"))
                .DELETE());
        assertEquals(405, response.statusCode());
        assertEquals("GET, HEAD, POST", response.headers().firstValue("Allow").orElseThrow());
        assertTrue(response.body().contains("\"status\":405"), response.body());
    }

    @Test
    void headOnAGetRouteAnswersAsGetWithoutABody() throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/users/42"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
        assertEquals("7", response.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void optionsListsTheAllowedMethods() throws Exception {
        // "me" is a literal GET route, and also a {key} of the POST route.
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/users/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, response.statusCode());
        assertEquals("GET, HEAD, POST", response.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void safeRequestIdsAreEchoedAndOthersReplaced() throws Exception {
        HttpResponse<String> echoed = server.send(HttpRequest.newBuilder(server.uri("/users/1"))
                .header("X-Request-Id", "abc-123.x_y:z"));
        assertEquals("abc-123.x_y:z", echoed.headers().firstValue("X-Request-Id").orElseThrow());

        HttpResponse<String> replaced = server.send(HttpRequest.newBuilder(server.uri("/users/1"))
                .header("X-Request-Id", "<script>alert(1)</script>"));
        String id = replaced.headers().firstValue("X-Request-Id").orElseThrow();
        assertNotEquals("<script>alert(1)</script>", id);
        assertTrue(id.matches("[0-9a-f]{16}"), id);

        HttpResponse<String> tooLong = server.send(HttpRequest.newBuilder(server.uri("/nothing"))
                .header("X-Request-Id", "a".repeat(65)));
        assertTrue(tooLong.headers().firstValue("X-Request-Id").orElseThrow().matches("[0-9a-f]{16}"));
        assertTrue(server.get("/users/1").headers().firstValue("X-Request-Id").isPresent());
    }

    @Test
    void handlersRunOnWorkerThreadsNeverOnIoThreads() throws Exception {
        assertTrue(server.get("/thread").body().startsWith("ward-worker-"));
    }
}
