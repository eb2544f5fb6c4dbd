package dev.ward.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.CompensationContext;
import dev.ward.testing.Faults;
import dev.ward.testing.WardClient;
import dev.ward.testing.WardResponse;
import dev.ward.testing.WardServerSetup;
import dev.ward.testing.WardTest;
import dev.ward.undertow.WardServer;
import dev.ward.undertow.internal.LogCapture;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The sample's {@code @Compensable} POST /orders, failed on demand after its method reserved the stock: the
 * compensation runs exactly once, with the failed request's id as its idempotency key, and puts the stock back.
 * The example of docs/testing.md, "Faults on demand".
 */
@WardTest
class OrderCompensationTest {
    /** The idempotency keys releaseStock ran with, in order. */
    private static final List<String> RELEASED = new CopyOnWriteArrayList<>();
    private static final SimpleMeterRegistry METRICS = new SimpleMeterRegistry();

    private WardClient http;
    private Faults faults;

    @WardServerSetup
    static WardServer.Builder server() {
        Inventory inventory = new Inventory(Map.of("apple", 10));
        OrderHandlers orders = new OrderHandlers(inventory, new Payments(3)) {
            @Override
            public void releaseStock(CompensationContext context) {
                RELEASED.add(context.idempotencyKey());
                super.releaseStock(context);
            }
        };
        return WardServer.builder().meterRegistry(METRICS).routes(new OrderHandlersRoutes(orders),
                new InventoryHandlersRoutes(new InventoryHandlers(inventory)));
    }

    private static double compensations(String outcome) {
        Counter counter = METRICS.find("ward.compensations." + outcome).tag("route", "POST /orders").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anOrderThatFailsAfterReservingIsCompensatedOnceWithItsKey() throws InterruptedException {
        faults.on("POST", "/orders").throwing(new IllegalStateException("payment provider timed out"));
        WardResponse failed;
        try (LogCapture logs = new LogCapture()) {
            failed = http.send(http.request("/orders").header("X-Request-Id", "order-1")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sku\": \"apple\", \"quantity\": 2}")));
            assertEquals(1, logs.mentioning("route POST /orders failed; request order-1").size());
        }
        assertEquals(500, failed.status());
        assertEquals("order-1", failed.problem().requestId());

        // The compensation runs asynchronously, a moment after the answer.
        for (int i = 0; i < 1000 && compensations("succeeded") < 1; i++) {
            Thread.sleep(10);
        }
        assertEquals(List.of("order-1"), RELEASED);
        assertEquals(1, compensations("scheduled"));
        assertEquals(1, compensations("succeeded"));
        assertEquals("10", http.get("/inventory/apple").text(), "the reservation of 2 is back");

        // The fault struck once: the next order goes through, and nothing is compensated again.
        assertEquals(1, faults.injected("POST", "/orders"));
        assertEquals(201, http.post("/orders", new OrderRequest("apple", 2)).status());
        assertEquals("8", http.get("/inventory/apple").text());
        assertEquals(List.of("order-1"), RELEASED);
    }
}
