package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The limit on a clock the test moves: each sample's round trip is what the test says it is. */
class AdaptiveLimiterTest {
    private long now = 0;

    private AdaptiveLimiter limiter(int initial, int min, int max) {
        return new AdaptiveLimiter("server", new AdaptiveLimitSpec(initial, min, max), () -> now);
    }

    /** Admits as many as the limit allows (at most {@code concurrency}); completes them after {@code rttMillis}. */
    private int round(AdaptiveLimiter limiter, int concurrency, long rttMillis) {
        List<Long> admitted = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            long start = limiter.tryAcquire();
            if (start != AdaptiveLimiter.REFUSED) {
                admitted.add(start);
            }
        }
        now += TimeUnit.MILLISECONDS.toNanos(rttMillis);
        admitted.forEach(start -> limiter.release(start, true));
        return admitted.size();
    }

    @Test
    void refusesAtOnceOverTheLimitAndAdmitsAgainWhenAPlaceFrees() {
        AdaptiveLimiter limiter = limiter(2, 1, 10);
        long first = limiter.tryAcquire();
        limiter.tryAcquire();
        assertEquals(AdaptiveLimiter.REFUSED, limiter.tryAcquire());
        limiter.release(first, false);
        assertTrue(limiter.tryAcquire() != AdaptiveLimiter.REFUSED);
        assertEquals(2, limiter.inFlight());
    }

    @Test
    void growsWhileLatencyStaysAtItsNoLoadValue() {
        AdaptiveLimiter limiter = limiter(10, 1, 100);
        for (int i = 0; i < 20; i++) {
            round(limiter, 1000, 10);
        }
        assertTrue(limiter.limit() > 30, "flat latency under full use lets the limit grow: " + limiter.limit());
        assertTrue(limiter.limit() <= 100);
    }

    @Test
    void doesNotGrowWhileIdle() {
        AdaptiveLimiter limiter = limiter(20, 1, 100);
        for (int i = 0; i < 50; i++) {
            round(limiter, 2, 10);
        }
        assertEquals(20, limiter.limit(), "2 requests at a time never needed more than 20");
    }

    @Test
    void settlesNearTheCapacityOfAHandlerWhoseLatencyRisesWithConcurrency() {
        // Starting below the capacity, as a server does: its first requests show the no-load round trip.
        AdaptiveLimiter limiter = limiter(4, 1, 200);
        // Serves 16 at once in 10 ms; more share it: latency = 10 ms × concurrency / 16.
        for (int i = 0; i < 300; i++) {
            int running = Math.min(limiter.limit(), 400);
            round(limiter, 400, Math.max(10, 10L * running / 16));
        }
        int limit = limiter.limit();
        assertTrue(limit >= 16 && limit <= 32, "the limit keeps latency within 2x of its no-load value: " + limit);
    }

    @Test
    void shrinksToItsMinimumAndNoFurther() {
        AdaptiveLimiter limiter = limiter(50, 4, 200);
        round(limiter, 50, 1);
        // 100 ms where 1 ms is normal, for 20 s: within the baseline's two epochs, so it stays at 1 ms.
        for (int i = 0; i < 200; i++) {
            round(limiter, 400, 100);
        }
        assertEquals(4, limiter.limit());
    }

    @Test
    void aSlowerBaselineIsLearnedWithinTwoEpochs() {
        AdaptiveLimiter limiter = limiter(20, 1, 200);
        round(limiter, 20, 1);
        // The dependency is 20x slower for good: at first that reads as queueing, and the limit drops.
        for (int i = 0; i < 50; i++) {
            round(limiter, 400, 20);
        }
        int low = limiter.limit();
        assertTrue(low < 20, "" + low);
        now += TimeUnit.SECONDS.toNanos(2 * AdaptiveLimiter.EPOCH_SECONDS + 1);
        round(limiter, 400, 20);
        now += TimeUnit.SECONDS.toNanos(AdaptiveLimiter.EPOCH_SECONDS + 1);
        for (int i = 0; i < 100; i++) {
            round(limiter, 400, 20);
        }
        assertTrue(limiter.limit() > low + 10, "20 ms is the new normal, so the limit grows again: "
                + low + " -> " + limiter.limit());
    }
}
