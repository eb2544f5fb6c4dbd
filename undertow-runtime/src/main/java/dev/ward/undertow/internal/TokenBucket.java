package dev.ward.undertow.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket of {@code capacity} tokens refilled at one per {@code intervalNanos}, kept as one number (the
 * "theoretical arrival time" of the generic cell rate algorithm): the time at which the bucket would be full again.
 * Taking a token is one compare-and-set; nothing waits, nothing locks.
 */
final class TokenBucket {
    private static final long MAX_SPAN_NANOS = Long.MAX_VALUE / 4;

    private final long intervalNanos;
    private final long spanNanos;
    /** When the bucket is full again; at or before now means full. */
    private final AtomicLong fullAt;

    TokenBucket(long intervalNanos, long capacity, long nowNanos) {
        this.intervalNanos = intervalNanos;
        // A year's period with a huge burst would overflow a long: a span of 73 years is as good as unlimited.
        this.spanNanos = capacity > MAX_SPAN_NANOS / intervalNanos ? MAX_SPAN_NANOS : intervalNanos * capacity;
        this.fullAt = new AtomicLong(nowNanos);
    }

    /** Takes a token: 0 if one was there, else how many nanoseconds until one will be. */
    long take(long nowNanos) {
        while (true) {
            long full = fullAt.get();
            // Compared by difference, as nanoTime values must be: they may wrap.
            long after = (full - nowNanos > 0 ? full : nowNanos) + intervalNanos;
            long wait = after - nowNanos - spanNanos;
            if (wait > 0) {
                return wait;
            }
            if (fullAt.compareAndSet(full, after)) {
                return 0;
            }
        }
    }

    /** Whether the bucket is full: it then holds nothing a fresh bucket would not. */
    boolean idle(long nowNanos) {
        return fullAt.get() - nowNanos <= 0;
    }
}
