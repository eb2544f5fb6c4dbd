package dev.ward.undertow.internal;

/** The bounds of an adaptive concurrency limit: the server's, or a route's {@code @AdaptiveConcurrency}. */
public record AdaptiveLimitSpec(int initial, int min, int max) {
    public AdaptiveLimitSpec {
        if (min < 1 || max < min || initial < min || initial > max) {
            throw new IllegalArgumentException("an adaptive concurrency limit needs 1 <= min <= initial <= max, was "
                    + "initial " + initial + ", min " + min + ", max " + max);
        }
    }
}
