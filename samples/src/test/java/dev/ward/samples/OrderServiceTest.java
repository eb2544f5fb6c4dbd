package dev.ward.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.testing.Problem;
import dev.ward.testing.WardClient;
import dev.ward.testing.WardResponse;
import dev.ward.testing.WardServerSetup;
import dev.ward.testing.WardTest;
import dev.ward.undertow.WardServer;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample service, as a newcomer would use it: generated routes, a real server, HTTP, and every answer checked
 * against the service's contract. A server per test: the tests change the stock.
 */
@WardTest(serverPerTest = true)
class OrderServiceTest {
    private WardClient http;

    @WardServerSetup
    static WardServer server() {
        return OrderService.server(0);
    }

    private HttpRequest.Builder order(String json) {
        return http.request("/orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    @Test
    void placeReadListAndCancelAnOrder() {
        WardResponse placed = http.send(order("{\"sku\": \"apple\", \"quantity\": 3}")
                .header("Idempotency-Key", "k-1"));
        assertEquals(201, placed.status(), placed.text());
        assertTrue(placed.text().matches("\\{\"id\":\"[0-9a-f-]{36}\",\"sku\":\"apple\",\"quantity\":3,"
                + "\"status\":\"PLACED\"}"), placed.text());
        assertEquals("application/json", placed.contentType());
        assertEquals("k-1", placed.header("Idempotency-Key").orElseThrow());
        String location = placed.header("Location").orElseThrow();
        assertEquals("7", http.get("/inventory/apple").text());

        WardResponse read = http.get(location);
        assertEquals(200, read.status());
        assertTrue(read.text().contains("\"status\":\"PLACED\""), read.text());
        assertTrue(http.get("/orders?status=PLACED").text().contains(location.substring("/orders/".length())));
        assertEquals("[]", http.get("/orders?status=SHIPPED").text());

        WardResponse cancelled = http.delete(location);
        assertEquals(200, cancelled.status());
        assertEquals("application/json", cancelled.contentType());
        assertTrue(cancelled.text().contains("\"status\":\"CANCELLED\""), cancelled.text());
        assertEquals("10", http.get("/inventory/apple").text());
        WardResponse again = http.delete(location);
        assertEquals(409, again.status());
        assertEquals("application/problem+json", again.contentType());
        assertEquals("order " + location.substring("/orders/".length()) + " is CANCELLED", again.problem().detail());
        WardResponse unknown = http.delete("/orders/" + java.util.UUID.randomUUID());
        assertEquals(404, unknown.status());
        assertEquals("application/problem+json", unknown.contentType());
        assertTrue(unknown.text().contains("\"detail\":\"no order "), unknown.text());
    }

    @Test
    void anOrderDecodesIntoItsRecordAndARefusalIntoAProblem() {
        // The example of docs/testing.md.
        WardResponse placed = http.post("/orders", new OrderRequest("apple", 3));
        assertEquals(201, placed.status());
        Order order = placed.as(Order.class);
        assertEquals(OrderStatus.PLACED, order.status());
        assertEquals(order, http.get(placed.header("Location").orElseThrow()).as(Order.class));
        assertEquals("7", http.get("/inventory/apple").text());

        WardResponse refused = http.post("/orders", new OrderRequest("pear", 6));
        Problem problem = refused.problem();
        assertEquals(409, problem.status());
        assertEquals("not enough pear in stock", problem.detail());
        assertEquals(refused.requestId(), problem.requestId());
    }

    @Test
    void shortStockIsAConflictAndBadInputIsA4xxProblem() {
        WardResponse shortStock = http.post("/orders", new OrderRequest("pear", 6));
        assertEquals(409, shortStock.status());
        assertEquals("application/problem+json", shortStock.contentType());
        assertEquals("not enough pear in stock", shortStock.problem().detail());
        WardResponse invalid = http.send(order("{\"sku\": \"Pear!\", \"quantity\": 1}"));
        assertEquals(422, invalid.status());
        assertTrue(invalid.text().contains("sku must be [a-z0-9-]{1,32} and quantity at least 1"), invalid.text());
        WardResponse notANumber = http.send(order("{\"sku\": \"pear\", \"quantity\": \"many\"}"));
        assertEquals(400, notANumber.status());
        assertTrue(notANumber.text().contains("\"location\":\"$.quantity\""), notANumber.text());
        WardResponse notJson = http.send("POST", "/orders", "application/x-www-form-urlencoded",
                "sku=pear&quantity=1");
        assertEquals(415, notJson.status());
        WardResponse unknown = http.get("/orders/" + java.util.UUID.randomUUID());
        assertEquals(404, unknown.status());
        assertEquals("application/problem+json", unknown.contentType());
        WardResponse notAUuid = http.get("/orders/42");
        assertEquals(400, notAUuid.status());
        assertEquals("application/problem+json", notAUuid.contentType());
        WardResponse badStatus = http.get("/orders?status=LOST");
        assertEquals(400, badStatus.status());
        assertTrue(badStatus.text().contains("is not one of PLACED, SHIPPED, CANCELLED"), badStatus.text());
    }

    @Test
    void inventoryCanBeSetWithATextBody() {
        assertEquals(204, http.send("PUT", "/inventory/kiwi", null, "12").status());
        assertEquals("12", http.get("/inventory/kiwi").text());
        assertEquals(422, http.send("PUT", "/inventory/kiwi", null, "twelve").status());
        assertEquals(404, http.get("/inventory/durian").status());
    }

    @Test
    void aFailedPaymentIsCompensatedByReleasingTheReservedStock() throws InterruptedException {
        WardResponse failed = http.send(order("{\"sku\": \"apple\", \"quantity\": 5}"));
        assertEquals(500, failed.status());
        assertEquals("application/problem+json", failed.contentType());
        String metrics = "";
        for (int i = 0; i < 500 && !metrics.contains("ward_compensations_succeeded_total{route=\"POST /orders\"} 1.0"); i++) {
            Thread.sleep(20);
            metrics = http.get("/metrics").text();
        }
        assertTrue(metrics.contains("ward_compensations_succeeded_total{route=\"POST /orders\"} 1.0"), metrics);
        assertEquals("10", http.get("/inventory/apple").text(), "the reservation was released, once");
        assertEquals(201, http.send(order("{\"sku\": \"apple\", \"quantity\": 3}")).status(),
                "and the stock can be ordered again");
        assertEquals("7", http.get("/inventory/apple").text());
    }

    @Test
    void healthAnswers() {
        assertEquals("ok", http.get("/health").text());
    }

    @Test
    void metricsAreServedInThePrometheusFormatUnderTheRouteTemplate() throws InterruptedException {
        http.get("/inventory/apple");
        String orderId = java.util.UUID.randomUUID().toString();
        http.get("/orders/" + orderId);
        http.get("/nowhere");
        // An observation stops as its exchange completes, a moment after the client has the answer.
        WardResponse metrics = http.get("/metrics");
        for (int i = 0; i < 100 && !metrics.text().contains("uri=\"NOT_FOUND\""); i++) {
            Thread.sleep(20);
            metrics = http.get("/metrics");
        }
        assertEquals(200, metrics.status());
        assertTrue(metrics.contentType().startsWith("text/plain; version=0.0.4"));
        String text = metrics.text();
        assertTrue(text.contains("http_server_requests_seconds_count{error=\"none\",exception=\"none\",method=\"GET\","
                + "outcome=\"SUCCESS\",status=\"200\",uri=\"/inventory/{sku}\"} 1"), text);
        assertTrue(text.contains("uri=\"/orders/{id}\""), text);
        assertTrue(text.contains("uri=\"NOT_FOUND\""), text);
        assertTrue(text.contains("ward_requests_active{route=\"GET /inventory/{sku}\"}"), text);
        assertTrue(!text.contains(orderId) && !text.contains("/nowhere"), "no raw paths in tags");
        // The JVM's and the process's meters, as Micrometer's Prometheus registry names them.
        for (String jvm : List.of("jvm_memory_used_bytes{area=\"heap\"", "jvm_gc_", "jvm_threads_live_threads ",
                "jvm_classes_loaded_classes ", "process_cpu_usage ", "system_cpu_count ", "process_uptime_seconds ")) {
            assertTrue(text.contains(jvm), jvm + " in\n" + text);
        }
    }
}
