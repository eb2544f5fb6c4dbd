package dev.ward.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sample service, as a newcomer would use it: generated routes, a real server, HTTP. */
class OrderServiceTest {
    private Http http;

    @BeforeEach
    void start() {
        http = new Http(OrderService.server(0));
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private HttpRequest.Builder order(String json) {
        return http.request("/orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    @Test
    void placeReadListAndCancelAnOrder() throws Exception {
        HttpResponse<String> placed = http.send(order("{\"sku\": \"apple\", \"quantity\": 3}")
                .header("Idempotency-Key", "k-1"));
        assertEquals(201, placed.statusCode(), placed.body());
        assertTrue(placed.body().matches("\\{\"id\":\"[0-9a-f-]{36}\",\"sku\":\"apple\",\"quantity\":3,"
                + "\"status\":\"PLACED\"}"), placed.body());
        assertEquals("application/json", placed.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("k-1", placed.headers().firstValue("Idempotency-Key").orElseThrow());
        String location = placed.headers().firstValue("Location").orElseThrow();
        assertEquals("7", http.get("/inventory/apple").body());

        HttpResponse<String> read = http.get(location);
        assertEquals(200, read.statusCode());
        assertTrue(read.body().contains("\"status\":\"PLACED\""), read.body());
        assertTrue(http.get("/orders?status=PLACED").body().contains(location.substring("/orders/".length())));
        assertEquals("[]", http.get("/orders?status=SHIPPED").body());

        HttpResponse<String> cancelled = http.send(http.request(location).DELETE());
        assertEquals(200, cancelled.statusCode());
        assertEquals("application/json", cancelled.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(cancelled.body().contains("\"status\":\"CANCELLED\""), cancelled.body());
        assertEquals("10", http.get("/inventory/apple").body());
        HttpResponse<String> again = http.send(http.request(location).DELETE());
        assertEquals(409, again.statusCode());
        assertEquals("application/problem+json", again.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(again.body().contains("\"detail\":\"order " + location.substring("/orders/".length())
                + " is CANCELLED\""), again.body());
        HttpResponse<String> unknown = http.send(http.request("/orders/" + java.util.UUID.randomUUID()).DELETE());
        assertEquals(404, unknown.statusCode());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(unknown.body().contains("\"detail\":\"no order "), unknown.body());
    }

    @Test
    void shortStockIsAConflictAndBadInputIsA4xxProblem() throws Exception {
        HttpResponse<String> shortStock = http.send(order("{\"sku\": \"pear\", \"quantity\": 6}"));
        assertEquals(409, shortStock.statusCode());
        assertEquals("application/problem+json", shortStock.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(shortStock.body().contains("\"detail\":\"not enough pear in stock\""), shortStock.body());
        HttpResponse<String> invalid = http.send(order("{\"sku\": \"Pear!\", \"quantity\": 1}"));
        assertEquals(422, invalid.statusCode());
        assertTrue(invalid.body().contains("sku must be [a-z0-9-]{1,32} and quantity at least 1"), invalid.body());
        HttpResponse<String> notANumber = http.send(order("{\"sku\": \"pear\", \"quantity\": \"many\"}"));
        assertEquals(400, notANumber.statusCode());
        assertTrue(notANumber.body().contains("\"location\":\"$.quantity\""), notANumber.body());
        HttpResponse<String> notJson = http.send(http.request("/orders").POST(HttpRequest.BodyPublishers.ofString(
                "sku=pear&quantity=1")).header("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(415, notJson.statusCode());
        HttpResponse<String> unknown = http.get("/orders/" + java.util.UUID.randomUUID());
        assertEquals(404, unknown.statusCode());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> notAUuid = http.get("/orders/42");
        assertEquals(400, notAUuid.statusCode());
        assertEquals("application/problem+json", notAUuid.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> badStatus = http.get("/orders?status=LOST");
        assertEquals(400, badStatus.statusCode());
        assertTrue(badStatus.body().contains("is not one of PLACED, SHIPPED, CANCELLED"), badStatus.body());
    }

    @Test
    void inventoryCanBeSetWithATextBody() throws Exception {
        assertEquals(204, http.send(http.request("/inventory/kiwi")
                .PUT(HttpRequest.BodyPublishers.ofString("12"))).statusCode());
        assertEquals("12", http.get("/inventory/kiwi").body());
        assertEquals(422, http.send(http.request("/inventory/kiwi")
                .PUT(HttpRequest.BodyPublishers.ofString("twelve"))).statusCode());
        assertEquals(404, http.get("/inventory/durian").statusCode());
    }

    @Test
    void aFailedPaymentIsCompensatedByReleasingTheReservedStock() throws Exception {
        HttpResponse<String> failed = http.send(order("{\"sku\": \"apple\", \"quantity\": 5}"));
        assertEquals(500, failed.statusCode());
        assertEquals("application/problem+json", failed.headers().firstValue("Content-Type").orElseThrow());
        String metrics = "";
        for (int i = 0; i < 500 && !metrics.contains("ward_compensations_succeeded_total{route=\"POST /orders\"} 1.0"); i++) {
            Thread.sleep(20);
            metrics = http.get("/metrics").body();
        }
        assertTrue(metrics.contains("ward_compensations_succeeded_total{route=\"POST /orders\"} 1.0"), metrics);
        assertEquals("10", http.get("/inventory/apple").body(), "the reservation was released, once");
        assertEquals(201, http.send(order("{\"sku\": \"apple\", \"quantity\": 3}")).statusCode(),
                "and the stock can be ordered again");
        assertEquals("7", http.get("/inventory/apple").body());
    }

    @Test
    void healthAnswers() throws Exception {
        assertEquals("ok", http.get("/health").body());
    }

    @Test
    void metricsAreServedInThePrometheusFormatUnderTheRouteTemplate() throws Exception {
        http.get("/inventory/apple");
        String orderId = java.util.UUID.randomUUID().toString();
        http.get("/orders/" + orderId);
        http.get("/nowhere");
        // An observation stops as its exchange completes, a moment after the client has the answer.
        HttpResponse<String> metrics = http.get("/metrics");
        for (int i = 0; i < 100 && !metrics.body().contains("uri=\"NOT_FOUND\""); i++) {
            Thread.sleep(20);
            metrics = http.get("/metrics");
        }
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
        String text = metrics.body();
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
