package dev.ward.undertow.internal;

/** A route's {@code @RateLimit}: {@code keyHeader} is empty for one bucket; {@code maxKeys} bounds keyed buckets. */
record RateLimitSpec(int permits, long perMillis, int burst, String keyHeader, int maxKeys) {
    /** The longest period: a year, so a full bucket's time span ({@code per × (1 + burst / permits)}) fits a long. */
    static final long MAX_PER_MILLIS = 366L * 24 * 60 * 60 * 1000;
}
