package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Admits at most {@link #permits()} requests per {@link #per()} milliseconds to the route, with room for a burst
 * of {@link #burst()} more (a token bucket of {@code permits + burst} tokens, refilled at {@code permits} per
 * {@code per}). A request over the limit gets 429 with {@code Retry-After}, at once: nothing ever waits.
 *
 * <p>With {@link #keyHeader()}, each value of that header (an API key, a tenant) has its own bucket; at most
 * {@link #maxKeys()} of them are kept, idle ones are dropped first, and when all are busy new keys share one
 * bucket. Requests without the header share one bucket too.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface RateLimit {
    /** Requests admitted per period; at least 1. */
    int permits();

    /** The period, in milliseconds; must be positive. */
    long per() default 1000;

    /** Requests admitted at once above {@link #permits()} after an idle period; 0 or more. */
    int burst() default 0;

    /** A request header whose value picks the bucket; empty for one bucket for the route. */
    String keyHeader() default "";

    /** With {@link #keyHeader()}: how many keys' buckets are kept at most; at least 1. */
    int maxKeys() default 10_000;
}
