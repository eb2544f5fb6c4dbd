package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import dev.ward.undertow.WardServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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

    @Test
    void aPortInUseNamesTheAddressAndLeavesNoThreadBehind() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            WardServer server = WardServer.builder().host("127.0.0.1").port(taken.getLocalPort())
                    .routes(registry -> registry.route("GET", "/x").handler(ex -> ex.respond(Response.ok("x"))))
                    .accessLog(line -> { })
                    .build();
            UncheckedIOException failure = assertThrows(UncheckedIOException.class, server::start);
            assertEquals("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": Address already in use",
                    failure.getMessage());
            assertInstanceOf(BindException.class, failure.getCause());
            // The listener's I/O threads, the access log writer and the compensation engine all stop.
            Await.until(() -> startedSince(before).isEmpty(), () -> "still alive: " + startedSince(before));
            server.close();
        }
    }

    private static List<String> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                .map(Thread::getName).filter(name -> name.startsWith("XNIO-") || name.startsWith("ward-")).toList();
    }
}
