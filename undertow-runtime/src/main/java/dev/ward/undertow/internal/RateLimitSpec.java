package dev.ward.undertow.internal;

/** A route's {@code @RateLimit}: {@code keyHeader} is empty for one bucket; {@code maxKeys} bounds keyed buckets. */
record RateLimitSpec(int permits, long perMillis, int burst, String keyHeader, int maxKeys) {
}
