package dev.ward.samples;

import dev.ward.testing.WardContract;
import dev.ward.undertow.WardServer;
import org.junit.jupiter.api.Test;

/**
 * Requests generated from the sample's contract, valid and invalid, against a fresh service: no 500, no answer the
 * contract does not declare, every invalid request refused with a problem.
 */
class ContractVerifyTest {
    @Test
    void theServiceKeepsItsContract() {
        try (WardServer server = OrderService.server(0).start()) {
            WardContract.verify(server);
        }
    }
}
