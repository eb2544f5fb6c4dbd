package dev.ward.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.testing.WardClient;
import dev.ward.undertow.WardServer;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated compensation gets the failed request's values and body, journaled, exactly once. */
class CompensationTest {

    @Test
    void aDeclinedPaymentIsRefundedWithTheRequestsAmountAndNote(@TempDir Path journal) throws Exception {
        PaymentFixtures payments = new PaymentFixtures();
        try (WardServer server = WardServer.builder().port(0).compensationJournal(journal)
                .routes(new PaymentFixturesRoutes(payments)).build().start()) {
            WardClient http = WardClient.of(server, true);
            assertEquals("paid 50", http.send(http.request("/payments?amount=50")
                    .POST(HttpRequest.BodyPublishers.ofString("small"))).text());
            assertEquals(500, http.send(http.request("/payments?amount=500").header("X-Request-Id", "pay-1")
                    .POST(HttpRequest.BodyPublishers.ofString("big order"))).status());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (payments.refunds().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            server.close(); // lets running compensations finish and starts no more: the refunds are final
            assertEquals(List.of("pay-1 refunds 500 for 'big order' after java.lang.IllegalStateException: card declined"),
                    payments.refunds());
        }
    }
}
