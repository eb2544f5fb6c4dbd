package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
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
}
