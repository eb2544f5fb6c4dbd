package dev.ward.undertow.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * At most one log line per interval, so a route that fails on every request cannot flood the log; the next line
 * that is let through says how many were held back. Lock-free: any thread may ask.
 */
final class LogRateLimit {
    /** The gap between two lines about the same route's unrecovered failures. */
    static final Duration UNRECOVERED_FAILURES = Duration.ofSeconds(10);
    static final long SUPPRESS = -1;

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong nextLineAt;
    private final AtomicLong suppressed = new AtomicLong();

    LogRateLimit(Duration interval, LongSupplier nanoClock) {
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.nextLineAt = new AtomicLong(nanoClock.getAsLong());
    }

    /**
     * {@link #SUPPRESS} when this line must not be logged (it is counted); otherwise log it, and the result is how
     * many were suppressed since the last line logged.
     */
    long admit() {
        long now = nanoClock.getAsLong();
        long allowedAt = nextLineAt.get();
        if (now - allowedAt >= 0 && nextLineAt.compareAndSet(allowedAt, now + intervalNanos)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return SUPPRESS;
    }
}
