package dev.ward.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import dev.ward.undertow.internal.ChildJvm;
import dev.ward.undertow.internal.CompensationSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance killed with SIGKILL while it holds claims (two compensations running, three waiting for a
 * thread): another instance completes all five, once each, and only after the dead instance's lease expired by
 * the database's clock.
 */
class InstanceCrashTest {

    @Test
    @Timeout(120)
    void anotherInstanceCompletesAKilledInstancesClaimsAfterItsLease(@TempDir Path markers) throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.newDatabase();
        Process child = ChildJvm.start(CrashChild.class, postgres.url(database), "doomed", markers.toString());
        try {
            int port = ChildJvm.port(child);
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 5; i++) {
                assertEquals(500, client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/orders")).header("X-Request-Id", "crash-" + i)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode());
            }
            // Recorded after the failed response went out, in batches: wait for all five, and two running.
            Cluster.await(20, () -> markers.toFile().list().length == 2 && recorded(database).equals("5"),
                    () -> String.join(",", markers.toFile().list()) + " recorded " + recorded(database));
        } finally {
            child.destroyForcibly(); // SIGKILL: no close(), no release of its claims
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertEquals("5 doomed", SharedCompensationsTest.query(database, "SELECT count(*) || ' ' || "
                + "string_agg(DISTINCT claimed_by, ',') FROM ward_compensation WHERE state = 'pending'"));
        Map<String, Instant> leaseEnds = leaseEnds(database);

        Map<String, Instant> completed = new ConcurrentHashMap<>();
        Map<String, Integer> runs = new ConcurrentHashMap<>();
        try (Cluster survivor = new Cluster(database, 1, registry -> registry.route("POST", "/orders")
                .compensable(CompensationSpec.calling("releaseStock"), (arguments, context) -> {
                    runs.merge(context.idempotencyKey(), 1, Integer::sum);
                    completed.putIfAbsent(context.idempotencyKey(), Instant.now());
                })
                .handler(exchange -> exchange.respond(Response.status(500))), builder -> { })) {
            Cluster.await(30, () -> completed.size() == 5, completed::toString);
            assertEquals(Map.of("crash-0", 1, "crash-1", 1, "crash-2", 1, "crash-3", 1, "crash-4", 1), runs);
            assertTrue(completed.entrySet().stream().allMatch(run -> !run.getValue().isBefore(
                    leaseEnds.get(run.getKey()))), "taken over only after each lease ended " + leaseEnds + ": "
                    + completed);
            Cluster.await(10, () -> query(database).equals("5"), () -> query(database));
        }
    }

    /** Each compensation's lease, as the dead instance left it, by the database's clock. */
    private static Map<String, Instant> leaseEnds(String database) throws Exception {
        Map<String, Instant> ends = new java.util.HashMap<>();
        try (var connection = java.sql.DriverManager.getConnection(PostgresServer.shared().url(database), "postgres",
                "");
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT idempotency_key, floor(extract(epoch FROM lease_until) * 1000)"
                     + "::bigint FROM ward_compensation")) {
            while (rows.next()) {
                ends.put(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)));
            }
        }
        return ends;
    }

    private static String recorded(String database) {
        try {
            return SharedCompensationsTest.query(database, "SELECT count(*) FROM ward_compensation");
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String query(String database) {
        try {
            return SharedCompensationsTest.query(database,
                    "SELECT count(*) FROM ward_compensation WHERE state = 'succeeded'");
        } catch (Exception e) {
            return e.toString();
        }
    }

}
