package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import dev.ward.undertow.Routes;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@code @Traced} on a {@code @NonBlocking} route with a meter registry: every request is timed as on any route;
 * the {@code .active} long-task timer exists, and counts a request while it waits for an asynchronous answer (one
 * answered on the I/O thread is in progress for microseconds, and is not sampled).
 */
class NonBlockingTracedTest {
    @Test
    void everyRequestIsTimedAndOneWaitingForItsAnswerIsActiveMeanwhile() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CompletableFuture<String> answer = new CompletableFuture<>();
        Routes routes = registry -> {
            registry.route("GET", "/now").nonBlocking().traced("").handler(ex -> ex.respond(Response.ok("now")));
            registry.route("GET", "/later").nonBlocking().traced("")
                    .handler(ex -> ex.respondAsync(answer, Replies::text));
        };
        try (TestServer server = TestServer.start(routes, builder -> builder.meterRegistry(meters))) {
            assertEquals("now", server.get("/now").body());
            awaitTrue(() -> count(meters, "/now") == 1);
            LongTaskTimer nowActive = meters.find("http.server.requests.active").tag("uri", "/now").longTaskTimer();
            assertNotNull(nowActive, "the .active timer is registered as on every traced route");
            assertEquals(0, nowActive.activeTasks());

            CompletableFuture<HttpResponse<String>> later = server.client.sendAsync(HttpRequest.newBuilder(
                    server.uri("/later")).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            awaitTrue(() -> active(meters, "/later") == 1);
            Thread.sleep(50);
            answer.complete("later");
            assertEquals("later", later.get(20, TimeUnit.SECONDS).body());
            awaitTrue(() -> count(meters, "/later") == 1);
            assertEquals(0, active(meters, "/later"));
            Timer timer = meters.find("http.server.requests").tag("uri", "/later").timer();
            assertNotNull(timer);
            // Timed from the start of the request, not from when it began to wait.
            assertTrue(timer.totalTime(TimeUnit.MILLISECONDS) >= 50, timer.totalTime(TimeUnit.MILLISECONDS)
                    + " ms");
        }
    }

    private static long count(SimpleMeterRegistry meters, String uri) {
        return meters.find("http.server.requests").tag("uri", uri).timers().stream().mapToLong(Timer::count).sum();
    }

    private static int active(SimpleMeterRegistry meters, String uri) {
        LongTaskTimer timer = meters.find("http.server.requests.active").tag("uri", uri).longTaskTimer();
        return timer == null ? -1 : timer.activeTasks();
    }

    /** The completion steps run after the client has its answer: wait for them, bounded. */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
