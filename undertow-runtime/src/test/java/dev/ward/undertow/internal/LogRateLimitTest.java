package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One line per interval; the next line let through carries the count of those held back. */
class LogRateLimitTest {
    @Test
    void letsOneLinePerIntervalThroughAndCountsTheRest() {
        AtomicLong now = new AtomicLong(1_000);
        LogRateLimit limit = new LogRateLimit(Duration.ofNanos(100), now::get);
        assertEquals(0, limit.admit(), "the first line is logged, nothing suppressed before it");
        assertEquals(LogRateLimit.SUPPRESS, limit.admit());
        now.addAndGet(99);
        assertEquals(LogRateLimit.SUPPRESS, limit.admit());
        now.addAndGet(1);
        assertEquals(2, limit.admit(), "an interval later: logged, saying 2 were suppressed");
        now.addAndGet(500);
        assertEquals(0, limit.admit(), "a quiet route logs its next failure at once");
    }
}
