package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.Response;
import dev.ward.undertow.WardServer;
import java.io.File;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code WardServer.builder().virtualThreads()}: refused below Java 21; on Java 21+ (the build forks this test onto
 * a JDK 21+ when the machine has one, see undertow-runtime/pom.xml) handlers run on virtual threads, bounded, and
 * bodies read on them leave no file descriptors behind.
 */
class VirtualThreadsTest {
    private static final int JAVA = Runtime.version().feature();

    @Test
    void belowJava21TheBuilderRefusesNamingTheVersionAndTheAlternative() {
        assumeTrue(JAVA < 21, "runs on Java 17 to 20");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> WardServer.builder().virtualThreads());
        assertTrue(refused.getMessage().startsWith("virtualThreads() needs Java 21 or later; this JVM is Java "
                + Runtime.version() + ". "), refused.getMessage());
        assertTrue(refused.getMessage().contains("leave virtualThreads() out: handlers then run on Ward's bounded pool "
                + "of platform threads (workerThreads(n), workerQueue(n))"), refused.getMessage());
    }

    @Test
    void virtualThreadsAndAnExecutorAreRefusedTogether() {
        assumeTrue(JAVA >= 21, "virtual threads need Java 21");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> WardServer.builder()
                .virtualThreads().executor(java.util.concurrent.Executors.newSingleThreadExecutor()).build());
        assertEquals("virtualThreads() and executor(...) both choose where handlers run; keep one of them",
                refused.getMessage());
    }

    @Test
    void handlersRunOnVirtualThreads() throws Exception {
        assumeTrue(JAVA >= 21, "virtual threads need Java 21");
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/thread").handler(ex ->
                ex.respond(Response.ok(Thread.currentThread().toString()))), WardServer.Builder::virtualThreads)) {
            HttpResponse<String> answer = server.get("/thread");
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().startsWith("VirtualThread[#") && answer.body().contains("ward-virtual-"),
                    answer.body());
        }
    }

    @Test
    void pastWorkerThreadsPlusWorkerQueueRunningHandlersA503() throws Exception {
        assumeTrue(JAVA >= 21, "virtual threads need Java 21");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(3);
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/wait").handler(ex -> {
            running.countDown();
            release.await(20, TimeUnit.SECONDS);
            ex.respond(Response.ok("done"));
        }), builder -> builder.virtualThreads().workerThreads(2).workerQueue(1))) {
            List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                held.add(server.client.sendAsync(HttpRequest.newBuilder(server.uri("/wait")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            assertTrue(running.await(10, TimeUnit.SECONDS), "three handlers run at once on virtual threads");
            HttpResponse<String> refused = server.get("/wait");
            assertEquals(503, refused.statusCode());
            assertTrue(refused.body().contains("the server is at capacity"), refused.body());
            release.countDown();
            for (CompletableFuture<HttpResponse<String>> answer : held) {
                assertEquals("done", answer.get(10, TimeUnit.SECONDS).body());
            }
        }
    }

    /**
     * XNIO's blocking read parks in a selector it keeps per thread until a finalizer frees it (three descriptors);
     * each request has a new virtual thread. Bodies that arrive in two parts, read as a stream, as bytes and
     * through the raw exchange, must all be read before the handler runs: the descriptors open after 150 such
     * requests are those of before, give or take the JVM's own.
     */
    @Test
    void slowBodiesReadOnVirtualThreadsLeaveNoFileDescriptorsBehind() throws Exception {
        assumeTrue(JAVA >= 21, "virtual threads need Java 21");
        try (TestServer server = TestServer.start(registry -> {
            registry.route("POST", "/stream").streamBody().handler(ex -> {
                try (InputStream in = ex.bodyStream()) {
                    ex.respond(Response.ok(Integer.toString(in.readAllBytes().length)));
                }
            });
            registry.route("POST", "/bytes").bufferBody().handler(ex ->
                    ex.respond(Response.ok(Integer.toString(ex.bodyBytes().length))));
            registry.route("POST", "/raw").handler(ex -> {
                if (!ex.raw().isBlocking()) {
                    ex.raw().startBlocking(); // on virtual threads Ward has, to replay the body it read
                }
                ex.respond(Response.ok(Integer.toString(ex.raw().getInputStream().readAllBytes().length)));
            });
        }, WardServer.Builder::virtualThreads)) {
            for (String path : new String[] {"/stream", "/bytes", "/raw"}) {
                slowBody(server, path); // warm-up: classes, buffers, the first selectors of the I/O threads
            }
            System.gc();
            int before = openDescriptors();
            for (int i = 0; i < 50; i++) {
                for (String path : new String[] {"/stream", "/bytes", "/raw"}) {
                    slowBody(server, path);
                }
            }
            int after = openDescriptors();
            assertTrue(after - before < 20, "descriptors open before " + before + ", after 150 requests " + after);
        }
    }

    private static void slowBody(TestServer server, String path) throws Exception {
        try (RawHttp raw = new RawHttp(server.server.port())) {
            raw.write("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n"
                    + "a".repeat(500));
            Thread.sleep(3); // the handler, had it been dispatched, now waits for the rest
            String answer = raw.write("b".repeat(500)).readUntilClosed();
            assertTrue(answer.startsWith("HTTP/1.1 200 ") && answer.endsWith("\r\n\r\n1000"), answer);
        }
    }

    private static int openDescriptors() {
        String[] open = new File("/proc/self/fd").list();
        assumeTrue(open != null, "needs /proc (Linux)");
        return open.length;
    }
}
