package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code nonBlocking()} routes ({@code @NonBlocking}) answer from the I/O thread, with the same guarantees. */
class NonBlockingTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(registry -> {
            registry.route("GET", "/thread").nonBlocking()
                    .handler(ex -> ex.respond(Response.ok(Thread.currentThread().getName())));
            registry.route("GET", "/later").nonBlocking().handler(ex -> ex.respondAsync(
                    CompletableFuture.supplyAsync(() -> "answered later",
                            CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)), Replies::text));
            registry.route("POST", "/echo").nonBlocking().bufferBody()
                    .handler(ex -> ex.respond(Response.ok(ex.bodyText())));
            registry.route("GET", "/boom").nonBlocking().recover().handler(ex -> {
                throw new IllegalStateException("boom");
            });
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theHandlerRunsOnAnIoThreadNotAWorker() throws Exception {
        String thread = server.get("/thread").body();
        assertTrue(thread.contains("I/O"), thread);
    }

    @Test
    void anAsynchronousAnswerIsWaitedForNotCutShort() throws Exception {
        // Without the dispatch, Undertow would end the exchange as its call stack returned: an empty 200.
        HttpResponse<String> response = server.get("/later");
        assertEquals(200, response.statusCode());
        assertEquals("answered later", response.body());
    }

    @Test
    void aBufferedBodyIsReadWithoutBlocking() throws Exception {
        String body = "x".repeat(200_000);
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, response.statusCode());
        assertEquals(body, response.body());
    }

    @Test
    void aFailureIsStillAnsweredAndTheThreadKeepsServing() throws Exception {
        HttpResponse<String> failed = server.get("/boom");
        assertEquals(500, failed.statusCode());
        assertTrue(failed.body().contains("\"status\":500"), failed.body());
        for (int i = 0; i < 20; i++) {
            assertEquals(200, server.get("/thread").statusCode());
        }
    }

    @Test
    void itAnswersWhileEveryWorkerIsBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        try (TestServer busy = TestServer.start(registry -> {
            registry.route("GET", "/hold").handler(ex -> {
                held.countDown();
                release.await();
                ex.respond(Response.ok("released"));
            });
            registry.route("GET", "/health").nonBlocking().handler(ex -> ex.respond(Response.ok("ok")));
        }, builder -> builder.workerThreads(1).workerQueue(1))) {
            CompletableFuture<HttpResponse<String>> holding = busy.client.sendAsync(
                    HttpRequest.newBuilder(busy.uri("/hold")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(held.await(10, TimeUnit.SECONDS));
            assertEquals("ok", busy.get("/health").body(), "the only worker is held, the I/O thread is free");
            release.countDown();
            assertEquals("released", holding.get(10, TimeUnit.SECONDS).body());
        }
    }

    @Test
    void routesThatNeedAWorkerAreRefusedAtBuild() {
        IllegalStateException timed = assertThrows(IllegalStateException.class, () -> TestServer.start(registry ->
                registry.route("GET", "/t").nonBlocking().timeout(1, ChronoUnit.SECONDS)
                        .handler(ex -> ex.respond(Response.ok("t")))).close());
        assertTrue(timed.getMessage().contains("a timeout interrupts a worker"), timed.getMessage());
        IllegalStateException streamed = assertThrows(IllegalStateException.class, () -> TestServer.start(registry ->
                registry.route("POST", "/s").nonBlocking().streamBody()
                        .handler(ex -> ex.respond(Response.ok("s")))).close());
        assertTrue(streamed.getMessage().contains("a streamed body blocks on reads"), streamed.getMessage());
    }
}
