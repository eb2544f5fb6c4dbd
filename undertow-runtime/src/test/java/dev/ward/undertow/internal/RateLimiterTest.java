package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The token buckets on a clock the test moves. */
class RateLimiterTest {
    private long now = -5_000_000_000L; // nanoTime may be negative
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private RateLimiter limiter(int permits, long perMillis, int burst, String keyHeader, int maxKeys) {
        return new RateLimiter(new RateLimitSpec(permits, perMillis, burst, keyHeader, maxKeys), () -> now);
    }

    @Test
    void admitsPermitsPerPeriodThenSaysHowLongToWait() {
        RateLimiter limiter = limiter(10, 1000, 0, "", 1);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.take(null), "request " + i);
        }
        assertEquals(100 * MS, limiter.take(null), "one token comes back every 100 ms");
        now += 40 * MS;
        assertEquals(60 * MS, limiter.take(null));
        now += 60 * MS;
        assertEquals(0, limiter.take(null));
        assertEquals(100 * MS, limiter.take(null));
    }

    @Test
    void aBurstAddsRoomAfterAPauseButNotToTheRate() {
        RateLimiter limiter = limiter(10, 1000, 5, "", 1);
        for (int i = 0; i < 15; i++) {
            assertEquals(0, limiter.take(null), "request " + i);
        }
        assertTrue(limiter.take(null) > 0);
        now += 1000 * MS;
        int admitted = 0;
        while (limiter.take(null) == 0) {
            admitted++;
        }
        assertEquals(10, admitted, "a second refills permits, not permits + burst");
        now += 10_000 * MS;
        admitted = 0;
        while (limiter.take(null) == 0) {
            admitted++;
        }
        assertEquals(15, admitted, "a long pause fills the bucket to permits + burst, no more");
    }

    @Test
    void theLargestDeclarableBucketDoesNotOverflow() {
        // 1000 a year with a burst of 2^31: a span no long holds; it is capped at 73 years' worth of tokens.
        RateLimiter limiter = limiter(1000, RateLimitSpec.MAX_PER_MILLIS, Integer.MAX_VALUE, "", 1);
        long interval = TimeUnit.MILLISECONDS.toNanos(RateLimitSpec.MAX_PER_MILLIS) / 1000;
        int admitted = 0;
        long wait;
        while ((wait = limiter.take(null)) == 0) {
            admitted++;
        }
        assertEquals(Long.MAX_VALUE / 4 / interval, admitted);
        assertTrue(wait > 0 && wait <= interval, "the next token is one interval away at most: " + wait);
    }

    @Test
    void aClockThatWrapsKeepsTheRate() {
        now = Long.MAX_VALUE - MS; // nanoTime may wrap while a bucket lives
        RateLimiter limiter = limiter(1, 10, 0, "", 1);
        assertEquals(0, limiter.take(null));
        assertEquals(10 * MS, limiter.take(null));
        now += 10 * MS; // past Long.MAX_VALUE
        assertEquals(0, limiter.take(null));
        assertEquals(10 * MS, limiter.take(null));
    }

    @Test
    void eachKeyHasItsOwnBucketAndRequestsWithoutTheHeaderShareOne() {
        RateLimiter limiter = limiter(1, 1000, 0, "X-Api-Key", 10);
        assertEquals(0, limiter.take("alice"));
        assertTrue(limiter.take("alice") > 0);
        assertEquals(0, limiter.take("bob"));
        assertEquals(0, limiter.take(null));
        assertTrue(limiter.take(null) > 0);
        assertEquals(2, limiter.keys());
    }

    @Test
    void keysAreBoundedIdleOnesGoFirstAndBusyOnesAreNeverEvicted() {
        RateLimiter limiter = limiter(1, 1000, 0, "X-Api-Key", 2);
        assertEquals(0, limiter.take("a"));
        assertEquals(0, limiter.take("b"));
        // Full of busy keys: a new key goes to the shared overflow bucket, and a and b keep their state.
        assertEquals(0, limiter.take("c"));
        assertTrue(limiter.take("d") > 0, "c and d share the overflow bucket");
        assertEquals(2, limiter.keys());
        assertTrue(limiter.take("a") > 0, "a was not evicted to make room");
        // A second later a and b are idle (full): the next new key sweeps them out and gets its own bucket.
        now += 1000 * MS;
        assertEquals(0, limiter.take("e"));
        assertEquals(1, limiter.keys());
        assertTrue(limiter.take("e") > 0);
    }
}
