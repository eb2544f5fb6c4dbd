package dev.ward.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import dev.ward.undertow.Routes;
import dev.ward.undertow.internal.CompensationSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The database restarted under a running instance: a request that failed while it was down is recorded once it
 * is back and compensated (nothing lost); compensable requests that come meanwhile are refused with 503, never
 * accepted unrecorded; refusals, failures and the reconnect are counted.
 */
class DatabaseOutageTest {
    private final Map<String, Integer> compensated = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);

    /** {@code POST /orders} fails at once; {@code POST /slow} fails once the test releases it. */
    private Routes routes() {
        return registry -> {
            registry.route("POST", "/orders")
                    .compensable(CompensationSpec.calling("releaseStock"), (arguments, context) ->
                            compensated.merge(context.idempotencyKey(), 1, Integer::sum))
                    .handler(exchange -> exchange.respond(Response.status(500)));
            registry.route("POST", "/slow")
                    .compensable(CompensationSpec.calling("releaseStock"), (arguments, context) ->
                            compensated.merge(context.idempotencyKey(), 1, Integer::sum))
                    .handler(exchange -> {
                        release.await(30, TimeUnit.SECONDS);
                        exchange.respond(Response.status(500));
                    });
        };
    }

    @Test
    @Timeout(120)
    void aRestartLosesNothingAndRequestsMeanwhileAreRefusedAndCounted() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (WardLog log = new WardLog();
             Cluster cluster = new Cluster(postgres.newDatabase(), 1, routes(),
                     builder -> builder.meterRegistry(meters))) {
            assertEquals(500, cluster.post(0, "/orders", "before").statusCode());
            Cluster.await(20, () -> compensated.containsKey("before"), compensated::toString);
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return cluster.post(0, "/slow", "in-flight");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Cluster.await(20, () -> gauge(meters, "ward.compensations.held") == 1, () -> "not admitted yet");

            Map<String, Integer> expected = new java.util.HashMap<>(Map.of("before", 1));
            postgres.stop();
            try {
                release.countDown();
                assertEquals(500, inFlight.get(20, TimeUnit.SECONDS).statusCode(), "admitted before the outage");
                // Until the instance has seen the outage, a request is admitted (and must not be lost).
                HttpResponse<String>[] refused = new HttpResponse[1];
                Cluster.await(30, () -> {
                    String requestId = "during-" + expected.size();
                    refused[0] = post(cluster, requestId);
                    if (refused[0].statusCode() == 500) {
                        expected.put(requestId, 1);
                    }
                    return refused[0].statusCode() == 503;
                }, () -> refused[0] == null ? "no answer" : refused[0].statusCode() + " " + refused[0].body());
                assertEquals("application/problem+json",
                        refused[0].headers().firstValue("Content-Type").orElse(""));
                assertTrue(refused[0].body().contains("the compensation store is unreachable; retry later"),
                        refused[0].body());
                assertEquals(0.0, gauge(meters, "ward.compensations.store.reachable"));
                assertTrue(meters.find("ward.compensations.refused").tag("route", "POST /orders").counter()
                        .count() >= 1);
                assertTrue(meters.find("ward.compensations.store.failures").counter().count() >= 1);
                assertEquals(Map.of("before", 1), compensated, "nothing runs unrecorded");
                expected.put("in-flight", 1);
            } finally {
                postgres.start();
            }

            Cluster.await(30, () -> compensated.containsKey("in-flight"), compensated::toString);
            Cluster.await(10, () -> gauge(meters, "ward.compensations.store.reachable") == 1, () -> "still down");
            assertEquals(500, cluster.post(0, "/orders", "after").statusCode());
            Cluster.await(20, () -> compensated.containsKey("after"), compensated::toString);
            expected.put("after", 1);
            Cluster.await(20, () -> compensated.size() == expected.size(), compensated::toString);
            assertEquals(expected, compensated,
                    "each once; refused requests ran nothing, so there was nothing to compensate");
            assertEquals(1.0, meters.find("ward.compensations.store.reconnects").counter().count());
            assertEquals(1, log.count("the compensation store is unreachable; compensable requests are refused"));
            assertEquals(1, log.count("the compensation store answers again"));
        }
    }

    private static HttpResponse<String> post(Cluster cluster, String requestId) {
        try {
            return cluster.post(0, "/orders", requestId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double gauge(SimpleMeterRegistry meters, String name) {
        return meters.find(name).gauge().value();
    }
}
