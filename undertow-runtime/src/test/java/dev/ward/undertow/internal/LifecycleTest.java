package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import dev.ward.undertow.WardServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starting, the chosen port, and a graceful close. */
class LifecycleTest {

    @Test
    void portZeroReportsTheBoundPort() {
        try (TestServer server = TestServer.start(registry -> { })) {
            assertTrue(server.server.port() > 0);
        }
    }

    @Test
    void closeFinishesInFlightRequestsThenRefusesConnections() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        TestServer server = TestServer.start(registry -> registry.route("GET", "/slow").handler(ex -> {
            entered.countDown();
            Thread.sleep(500);
            ex.respond(Response.ok("finished"));
        }), builder -> builder.drainTime(Duration.ofSeconds(5)));
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return server.get("/slow");
            } catch (IOException | InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        java.net.URI slow = server.uri("/slow");
        long started = System.nanoTime();
        server.close();
        HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals("finished", response.body());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(4), "close waited only for the drain");
        assertThrows(IOException.class, () -> server.client.send(
                java.net.http.HttpRequest.newBuilder(slow).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void closeClosesTheResourcesGivenOnceLastFirstAfterTheServerStops() throws Exception {
        List<String> closed = new CopyOnWriteArrayList<>();
        TestServer server = TestServer.start(registry -> registry.route("GET", "/a").handler(
                ex -> ex.respond(Response.ok("a"))), builder -> builder
                .closeOnStop(() -> closed.add("first"))
                .closeOnStop(() -> {
                    closed.add("failing");
                    throw new IllegalStateException("a resource that fails to close");
                })
                .closeOnStop(() -> closed.add("last")));
        assertEquals(200, server.get("/a").statusCode());
        assertEquals(List.of(), closed, "nothing closed while the server runs");
        java.net.URI a = server.uri("/a");
        server.close();
        assertEquals(List.of("last", "failing", "first"), closed);
        assertThrows(IOException.class, () -> server.client.send(
                java.net.http.HttpRequest.newBuilder(a).build(), HttpResponse.BodyHandlers.ofString()));
        server.close();
        assertEquals(3, closed.size(), "closed once");

        List<String> unstarted = new CopyOnWriteArrayList<>();
        WardServer.builder().port(0).closeOnStop(() -> unstarted.add("closed")).build().close();
        assertEquals(List.of("closed"), unstarted, "a server never started still releases what it was given");
    }
}
