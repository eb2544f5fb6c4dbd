package dev.ward.undertow.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * {@code @RateLimit}'s buckets: one for the route, or one per value of its key header. Keyed buckets are bounded
 * by {@code maxKeys}: a full map first drops its idle buckets (full ones, which a fresh bucket equals, so nothing
 * is forgotten), at most once per period; when every kept key is busy, new keys share one overflow bucket rather
 * than evict a busy key's. Requests without the header share the route's bucket.
 */
final class RateLimiter {
    /** A key longer than this is refused (400): a hostile header must not grow the map's memory. */
    static final int MAX_KEY_LENGTH = 128;

    private final int permits;
    private final long perMillis;
    private final int burst;
    private final String keyHeader;
    private final int maxKeys;
    private final long intervalNanos;
    private final long periodNanos;
    private final LongSupplier nanoClock;
    private final TokenBucket shared;
    private final TokenBucket overflow;
    private final ConcurrentHashMap<String, TokenBucket> byKey;
    private final AtomicLong nextSweep;

    RateLimiter(RateLimitSpec spec, LongSupplier nanoClock) {
        this.permits = spec.permits();
        this.perMillis = spec.perMillis();
        this.burst = spec.burst();
        this.keyHeader = spec.keyHeader();
        this.maxKeys = spec.maxKeys();
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(perMillis);
        this.intervalNanos = Math.max(1, periodNanos / permits);
        this.nanoClock = nanoClock;
        long now = nanoClock.getAsLong();
        this.shared = bucket(now);
        this.overflow = keyHeader.isEmpty() ? null : bucket(now);
        this.byKey = keyHeader.isEmpty() ? null : new ConcurrentHashMap<>();
        this.nextSweep = new AtomicLong(now);
    }

    String keyHeader() {
        return keyHeader;
    }

    /** Takes a token for a request with this key (null: none, or no key header): 0, or nanoseconds to wait. */
    long take(String key) {
        long now = nanoClock.getAsLong();
        if (key == null || byKey == null) {
            return shared.take(now);
        }
        TokenBucket bucket = byKey.get(key);
        if (bucket == null) {
            if (byKey.size() >= maxKeys) {
                sweep(now);
            }
            bucket = byKey.size() < maxKeys ? byKey.computeIfAbsent(key, k -> bucket(now)) : overflow;
        }
        return bucket.take(now);
    }

    /** How many keys have a bucket of their own. */
    int keys() {
        return byKey == null ? 0 : byKey.size();
    }

    private void sweep(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + periodNanos)) {
            byKey.values().removeIf(bucket -> bucket.idle(now));
        }
    }

    private TokenBucket bucket(long now) {
        return new TokenBucket(intervalNanos, (long) permits + burst, now);
    }

    @Override
    public String toString() {
        return "rate-limit(" + permits + " per " + perMillis + " ms" + (burst == 0 ? "" : ", burst " + burst)
                + (keyHeader.isEmpty() ? "" : ", by " + keyHeader + ", at most " + maxKeys + " keys") + ")";
    }
}
