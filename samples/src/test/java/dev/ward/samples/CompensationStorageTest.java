package dev.ward.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.postgres.PostgresServer;
import dev.ward.postgres.WardLog;
import dev.ward.testing.WardClient;
import dev.ward.undertow.WardServer;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the sample keeps its compensations, as {@code main} chooses from the environment: the file journal when
 * no database is set, the shared PostgreSQL store (a real server, started by the build) when WARD_DATABASE_URL is.
 */
class CompensationStorageTest {

    @Test
    void withoutADatabaseAFailedOrderIsJournaledToTheFile(@TempDir Path journal) throws Exception {
        try (WardServer server = OrderService.server(0, Map.of(), journal).start()) {
            WardClient http = WardClient.of(server, true);
            assertEquals(500, placeFailingOrder(http, "order-file-1"));
            awaitStock(http, "10");
        }
        String journaled = new String(Files.readAllBytes(journal.resolve("compensations.journal")),
                StandardCharsets.ISO_8859_1);
        assertTrue(journaled.contains("order-file-1") && journaled.contains("releaseStock"), journaled);
    }

    @Test
    void withWardDatabaseUrlAFailedOrderIsCompensatedThroughPostgresAndThePoolClosesOnStop(@TempDir Path journal)
            throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String url = postgres.url(postgres.newDatabase());
        Map<String, String> environment = Map.of(SharedCompensations.URL, url, SharedCompensations.USER, "postgres");
        try (WardLog poolLog = new WardLog("com.zaxxer.hikari")) { // HikariCP's lines, through slf4j-jdk14
            try (WardServer server = OrderService.server(0, environment, journal).start()) {
                WardClient http = WardClient.of(server, true);
                assertEquals(500, placeFailingOrder(http, "order-pg-1"));
                awaitStock(http, "10");
            }
            assertEquals(List.of("POST /orders releaseStock order-pg-1 succeeded attempts=0"),
                    rows(url), "recorded in the shared table and finished there");
            assertEquals(1, poolLog.count("ward-sample - Shutdown completed"), "the server closed the sample's pool");
            try (var files = Files.list(journal)) {
                assertEquals(0, files.count(), "no file journal beside the database");
            }
        }
    }

    private static int placeFailingOrder(WardClient http, String requestId) throws Exception {
        // More than Payments' limit of 3: the payment fails after the stock was reserved.
        return http.send(http.request("/orders").header("X-Request-Id", requestId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sku\": \"apple\", \"quantity\": 5}"))).status();
    }

    /** Waits, bounded, until the compensation gave the reserved stock back. */
    private static void awaitStock(WardClient http, String expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String stock = http.get("/inventory/apple").text();
        while (!stock.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            stock = http.get("/inventory/apple").text();
        }
        assertEquals(expected, stock, "the reservation was released");
    }

    private static List<String> rows(String url) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT route, method, idempotency_key, state, attempts FROM ward_compensation")) {
            while (row.next()) {
                rows.add(row.getString(1) + " " + row.getString(2) + " " + row.getString(3) + " " + row.getString(4)
                        + " attempts=" + row.getInt(5));
            }
        }
        return rows;
    }
}
