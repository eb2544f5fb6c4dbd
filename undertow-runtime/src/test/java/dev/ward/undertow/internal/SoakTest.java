package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Reject;
import dev.ward.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * A bounded soak with faults: client threads drive a seeded random mix of succeeding, throwing, timing-out,
 * interrupt-ignoring, rejected, body-buffering and compensable requests, plus clients that disconnect mid-body and
 * mid-response, on 127.0.0.1 for {@code ward.soak.seconds} (default 20). Every answer must be its case's
 * documented status; afterwards the server must answer promptly, its threads and heap must be back near
 * baseline, and every failed compensable request must have been compensated exactly once.
 */
class SoakTest {
    private static final long SEED = Long.getLong("ward.soak.seed", 42L);
    private static final int SECONDS = Integer.getInteger("ward.soak.seconds", 20);
    private static final int CLIENTS = 6;
    private static final byte[] BIG = new byte[256 * 1024];
    /** java.net.http's workers and the client threads' own pool: the test's, not the server's. */
    private static final String[] CLIENT_THREADS = {"HttpClient-", "pool-"};

    /** A connection the server closed (413 then close) while the client was still sending its body. */
    private static final int RESET = -2;
    /** The client hung up on purpose; there is no answer to check. */
    private static final int HUNG_UP = -1;

    /** Each case and the answers documented for it (docs/reliability.md). */
    enum Kind {
        OK(200), THROWS(500), DEADLINE(503), STUBBORN(503), REJECTED(401), BODY(200),
        // 413, and the connection closes: a client still busy sending its body may see the reset, not the 413.
        BODY_TOO_LARGE(413, RESET),
        COMPENSABLE(500), BAD_INPUT(400), DISCONNECT_MID_BODY(HUNG_UP), DISCONNECT_MID_RESPONSE(HUNG_UP),
        // A dependency down every other 200 ms: retried, else answered by the fallback; never a failure.
        RETRIED(200),
        // A dependency that fails for 300 ms in every 600: its 502s, or the open breaker's 503.
        FLAPPING(200, 502, 503);

        final java.util.Set<Integer> documented;

        Kind(Integer... documented) {
            this.documented = java.util.Set.of(documented);
        }
    }

    @Test
    void theServerKeepsAnsweringCorrectlyAndLeaksNothing() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Map<String, AtomicInteger> compensations = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean flapping = new java.util.concurrent.atomic.AtomicBoolean(true);
        int threadsBefore = Threads.excluding(CLIENT_THREADS);
        long heapBefore = heapAfterGc();
        TestServer server = TestServer.start(registry -> {
            registry.route("GET", "/health").handler(ex -> ex.respond(Response.ok("ok")));
            registry.route("GET", "/ok/{n}").handler(ex -> ex.respond(Response.ok("n=" + Bind.toInt(ex.pathParam("n"),
                    "path parameter 'n'"))));
            registry.route("GET", "/throws").recover().handler(ex -> {
                throw new IllegalStateException("soak failure");
            });
            registry.route("GET", "/deadline").timeout(50, ChronoUnit.MILLIS).handler(ex -> {
                Thread.sleep(5_000);
                ex.respond(Response.ok("never"));
            });
            registry.route("GET", "/stubborn").timeout(50, ChronoUnit.MILLIS).handler(ex -> {
                // Far past the deadline, so a timer that fires late on a loaded machine still fires first.
                TimeoutTest.sleepIgnoringInterrupts(600);
                ex.respond(Response.ok("late"));
            });
            registry.route("GET", "/rejected").handler(ex -> {
                throw new Reject(Response.status(401).body("no"));
            });
            registry.route("POST", "/body").bufferBody().handler(ex -> ex.respond(Response.ok("got "
                    + ex.bodyBytes().length)));
            registry.route("POST", "/compensable")
                    .compensable(CompensationSpec.calling("undo").backoffMillis(1), (arguments, context) ->
                            compensations.computeIfAbsent(context.idempotencyKey(), k -> new AtomicInteger())
                                    .incrementAndGet())
                    .handler(ex -> ex.respond(Response.status(500)));
            registry.route("GET", "/big").handler(ex -> ex.respond(Response.status(200).body(BIG,
                    "application/octet-stream")));
            registry.route("GET", "/retried")
                    .retry(RetrySpec.attempts(3).delay(1, ChronoUnit.MILLIS).maxDelay(5, ChronoUnit.MILLIS)
                            .retryOn(java.io.IOException.class))
                    .fallback(FallbackSpec.applyOn(java.io.IOException.class)).handler(ex -> {
                        ex.onFailure(failure -> Response.ok("fallback"));
                        if (System.nanoTime() / TimeUnit.MILLISECONDS.toNanos(200) % 2 == 0) {
                            throw new java.io.IOException("the dependency is down");
                        }
                        ex.respond(Response.ok("dependency"));
                    });
            registry.route("GET", "/flapping").circuitBreaker("", 0.5, 10, 5, 100, 2).handler(ex ->
                    ex.respond(Response.status(flapping.get() && System.nanoTime() / 300_000_000L % 2 == 0 ? 502
                            : 200)));
        }, builder -> builder.meterRegistry(meters).maxEntitySize(16 * 1024)
                .workerKeepAlive(Duration.ofMillis(500)).bodyTimeout(Duration.ofSeconds(2)));

        Map<Kind, Map<Integer, LongAdder>> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicInteger compensableRequests = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            Future<?>[] running = new Future<?>[CLIENTS];
            for (int c = 0; c < CLIENTS; c++) {
                Random random = new Random(SEED + c);
                int client = c;
                running[c] = clients.submit(() -> {
                    int sequence = 0;
                    while (System.nanoTime() < end) {
                        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                        String id = "soak-" + client + "-" + sequence++;
                        int status;
                        String failure = "";
                        try {
                            status = drive(kind, server.server.port(), http, random, id);
                        } catch (java.io.IOException e) {
                            status = RESET;
                            failure = " (" + e + ")";
                        }
                        if (kind == Kind.COMPENSABLE && status == 500) {
                            compensableRequests.incrementAndGet();
                        }
                        statuses.computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
                                .computeIfAbsent(status, s -> new LongAdder()).increment();
                        if (!kind.documented.contains(status)) {
                            wrong.add(kind + " " + id + " got " + status + failure);
                        }
                    }
                    return null;
                });
            }
            for (Future<?> client : running) {
                client.get(SECONDS + 60L, TimeUnit.SECONDS);
            }

            long healthStart = System.nanoTime();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.uri("/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            long healthMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - healthStart);
            Await.until(() -> server.server.compensations().pending() == 0
                    && compensations.size() == compensableRequests.get(), () -> "pending "
                    + server.server.compensations().pending() + ", compensated " + compensations.size()
                    + " of " + compensableRequests.get() + " failed compensable requests; answers " + statuses
                    + "; wrong " + wrong);
            Await.until(() -> Threads.workers() == 0);
            // The dependency recovers: the breaker, wherever the soak left it, lets a probe through and closes.
            flapping.set(false);
            Await.until(() -> {
                try {
                    return http.send(HttpRequest.newBuilder(server.uri("/flapping")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (java.io.IOException | InterruptedException e) {
                    throw new AssertionError("the flapping route stopped answering", e);
                }
            });

            Map<String, Object> report = new TreeMap<>();
            statuses.forEach((kind, counts) -> report.put(kind.name(), new TreeMap<>(counts)));
            System.out.printf("soak: %d s, %d clients, seed %d%n  requests by case and status: %s%n"
                            + "  health after soak: %d in %d ms%n  compensable failures %d, compensated %d, "
                            + "dead letters %d%n  retried dependency: %.0f retries, %.0f fallbacks%n", SECONDS,
                    CLIENTS, SEED, report, health.statusCode(), healthMillis, compensableRequests.get(),
                    compensations.size(), server.server.compensations().deadLetters().size(),
                    failures(meters, WardMetrics.RETRY_ATTEMPTS), failures(meters, WardMetrics.FALLBACKS));

            assertEquals(java.util.List.of(), java.util.List.copyOf(wrong), "every answer is its case's documented one");
            assertEquals(200, health.statusCode());
            assertTrue(healthMillis < 1_000, "health answered promptly: " + healthMillis + " ms");
            assertTrue(compensations.values().stream().allMatch(count -> count.get() == 1),
                    "every failed compensable request compensated exactly once");
            assertEquals(0.0, failures(meters, WardMetrics.UNRECOVERED), "no unplanned failure anywhere");
            assertTrue(failures(meters, WardMetrics.FALLBACKS) > 0 && failures(meters, WardMetrics.RETRY_ATTEMPTS) > 0,
                    "the retried dependency was retried and fallen back from: " + meters.getMetersAsString());
            Map<String, Double> moves = new TreeMap<>();
            meters.find(WardMetrics.BREAKER_TRANSITIONS).counters().forEach(counter -> moves.put(
                    counter.getId().getTag("from") + "->" + counter.getId().getTag("to"), counter.count()));
            System.out.printf("  flapping breaker: transitions %s, refused %.0f%n", moves,
                    failures(meters, WardMetrics.BREAKER_REJECTED));
            assertTrue(moves.getOrDefault("closed->open", 0.0) >= 1 && moves.getOrDefault("half-open->closed", 0.0) >= 1
                    && failures(meters, WardMetrics.BREAKER_REJECTED) >= 1, "the breaker opened, refused and closed "
                    + "again: " + moves);
            assertEquals(0.0, failures(meters, WardMetrics.RECOVERED) - failures(meters, WardMetrics.RECOVERED,
                    "GET /throws"), "the only recovered failures are the planned ones");
        } finally {
            clients.shutdownNow();
            server.close();
        }
        int threadsAfter = Threads.excluding(CLIENT_THREADS);
        long heapAfter = heapAfterGc();
        System.out.printf("  threads before %d, after %d; heap after GC before %d KiB, after %d KiB%n", threadsBefore,
                threadsAfter, heapBefore / 1024, heapAfter / 1024);
        assertTrue(threadsAfter <= threadsBefore + 8, "threads back at baseline: " + threadsBefore + " -> " + threadsAfter);
        assertTrue(heapAfter <= heapBefore + 64L * 1024 * 1024, "heap back near baseline: " + heapBefore + " -> " + heapAfter);
    }

    private static int drive(Kind kind, int port, HttpClient http, Random random, String id) throws Exception {
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpRequest.Builder request = switch (kind) {
            case OK -> HttpRequest.newBuilder(base.resolve("/ok/" + random.nextInt(1000)));
            case THROWS -> HttpRequest.newBuilder(base.resolve("/throws"));
            case DEADLINE -> HttpRequest.newBuilder(base.resolve("/deadline"));
            case STUBBORN -> HttpRequest.newBuilder(base.resolve("/stubborn"));
            case REJECTED -> HttpRequest.newBuilder(base.resolve("/rejected"));
            case BODY -> HttpRequest.newBuilder(base.resolve("/body"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[random.nextInt(16 * 1024)]));
            case BODY_TOO_LARGE -> HttpRequest.newBuilder(base.resolve("/body"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[16 * 1024 + 1 + random.nextInt(4096)]));
            case COMPENSABLE -> HttpRequest.newBuilder(base.resolve("/compensable"))
                    .POST(HttpRequest.BodyPublishers.noBody());
            case BAD_INPUT -> HttpRequest.newBuilder(base.resolve("/ok/not-a-number"));
            case RETRIED -> HttpRequest.newBuilder(base.resolve("/retried"));
            case FLAPPING -> HttpRequest.newBuilder(base.resolve("/flapping"));
            case DISCONNECT_MID_BODY -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    OutputStream out = socket.getOutputStream();
                    out.write("POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 8000\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(new byte[random.nextInt(4000)]);
                    out.flush();
                }
                yield null;
            }
            case DISCONNECT_MID_RESPONSE -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.getOutputStream().write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    InputStream in = socket.getInputStream();
                    in.readNBytes(1 + random.nextInt(64 * 1024));
                }
                yield null;
            }
        };
        if (request == null) {
            return HUNG_UP;
        }
        return http.send(request.header("X-Request-Id", id).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static double failures(SimpleMeterRegistry meters, String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static double failures(SimpleMeterRegistry meters, String name, String route) {
        return meters.find(name).tag("route", route).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
