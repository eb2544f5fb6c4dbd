package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class WardMetricsTest {
    @Test
    void theStoreReachableGaugeStillReadsAfterAGarbageCollection() throws InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        boolean[] reachable = {true};
        // A capturing lambda, as the engine passes: only the gauge refers to it.
        new WardMetrics(registry).compensationStoreReachable(() -> reachable[0]);
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(1.0, registry.get(WardMetrics.COMPENSATION_STORE_REACHABLE).gauge().value());
        reachable[0] = false;
        assertEquals(0.0, registry.get(WardMetrics.COMPENSATION_STORE_REACHABLE).gauge().value());
    }
}
