package dev.ward.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import dev.ward.undertow.DeadLetter;
import dev.ward.undertow.Routes;
import dev.ward.undertow.WardServer;
import dev.ward.undertow.internal.CompensationSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Three server instances on one PostgreSQL database, as a fleet behind a load balancer would run. */
class SharedCompensationsTest {

    /** {@code POST /orders} always fails; its compensation counts, per request, the attempts that succeeded. */
    private static Routes failingOrders(Map<String, AtomicInteger> succeeded, AtomicBoolean recovered,
                                        int maxAttempts) {
        return registry -> registry.route("POST", "/orders")
                .compensable(CompensationSpec.calling("releaseStock").maxAttempts(maxAttempts).backoffMillis(1),
                        (arguments, context) -> {
                            // One request in ten fails its first attempt: retries are shared work too.
                            boolean flaky = context.idempotencyKey().endsWith("7") && context.attempt() == 1;
                            if (!recovered.get() || flaky) {
                                throw new IllegalStateException("stock service down");
                            }
                            succeeded.computeIfAbsent(context.idempotencyKey(), key -> new AtomicInteger())
                                    .incrementAndGet();
                        })
                .handler(exchange -> exchange.respond(Response.status(500)));
    }

    @Test
    void aThousandFailuresSpreadOverThreeInstancesAreEachCompensatedExactlyOnce() throws Exception {
        Map<String, AtomicInteger> succeeded = new ConcurrentHashMap<>();
        try (Cluster cluster = new Cluster(3, failingOrders(succeeded, new AtomicBoolean(true), 5))) {
            ExecutorService clients = Executors.newFixedThreadPool(6);
            try {
                List<Future<Integer>> statuses = new java.util.ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    int request = i;
                    statuses.add(clients.submit(() -> cluster.post(request % 3, "/orders", "order-" + request)
                            .statusCode()));
                }
                for (Future<Integer> status : statuses) {
                    assertEquals(500, status.get());
                }
            } finally {
                clients.shutdown();
            }
            Cluster.await(60, () -> succeeded.size() == 1_000 && cluster.servers.stream()
                    .allMatch(server -> server.compensations().pending() == 0),
                    () -> succeeded.size() + " compensated");

            assertEquals(1_000, succeeded.size(), "one compensation per failed request, each with its own key");
            assertTrue(succeeded.values().stream().allMatch(count -> count.get() == 1),
                    "each succeeded exactly once: " + succeeded.entrySet().stream()
                            .filter(entry -> entry.getValue().get() != 1).toList());
            assertEquals("1000 1000 1000", query(cluster.database, "SELECT count(*) || ' ' || count(DISTINCT "
                    + "idempotency_key) || ' ' || count(*) FILTER (WHERE state = 'succeeded') FROM ward_compensation"));
            assertEquals("100", query(cluster.database, "SELECT count(*) FROM ward_compensation WHERE attempts > 0"),
                    "the ones that failed once were retried and then succeeded");
        }
    }

    @Test
    void deadLettersOfEveryInstanceAreListedAndRetriedFromAnyInstance() throws Exception {
        Map<String, AtomicInteger> succeeded = new ConcurrentHashMap<>();
        AtomicBoolean recovered = new AtomicBoolean();
        try (WardLog log = new WardLog();
             Cluster cluster = new Cluster(3, failingOrders(succeeded, recovered, 2))) {
            for (int instance = 0; instance < 3; instance++) {
                assertEquals(500, cluster.post(instance, "/orders", "payment-" + instance).statusCode());
            }
            for (WardServer server : cluster.servers) {
                Cluster.await(20, () -> server.compensations().deadLetters().size() == 3,
                        () -> server.compensations().deadLetters().toString());
            }
            assertEquals(3, log.count("failed 2 times and is now a dead letter"));
            List<DeadLetter> dead = cluster.servers.get(1).compensations().deadLetters();
            assertEquals(List.of("payment-0", "payment-1", "payment-2"),
                    dead.stream().map(DeadLetter::idempotencyKey).sorted().toList());
            assertTrue(dead.stream().allMatch(letter -> letter.attempts() == 2
                    && letter.lastError().equals("java.lang.IllegalStateException: stock service down")));

            recovered.set(true);
            WardServer any = cluster.servers.get(2);
            for (DeadLetter letter : dead) {
                assertTrue(any.compensations().retry(letter.id()), letter.toString());
                assertFalse(cluster.servers.get(0).compensations().retry(letter.id()), "already revived");
            }
            Cluster.await(20, () -> succeeded.size() == 3, succeeded::toString);
            for (WardServer server : cluster.servers) {
                assertEquals(List.of(), server.compensations().deadLetters());
            }
            assertEquals(Map.of("payment-0", 1, "payment-1", 1, "payment-2", 1), Map.copyOf(succeeded).entrySet()
                    .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())));
        }
    }

    static String query(String database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(PostgresServer.shared().url(database), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
