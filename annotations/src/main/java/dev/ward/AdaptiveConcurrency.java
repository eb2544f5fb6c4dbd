package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds the requests the route runs at once by a limit that follows its latency: while requests take about as
 * long as the fastest seen recently, the limit grows; when they take longer (a queue is forming), it shrinks. A
 * request over the limit is answered 503 with {@code Retry-After} at once, before it waits for anything.
 * The route's own limit replaces the server's ({@code WardServer.Builder.adaptiveConcurrency}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AdaptiveConcurrency {
    /** The limit to start from, between {@link #min()} and {@link #max()}. */
    int initial() default 20;

    /** The limit never goes below this; at least 1. */
    int min() default 1;

    /** The limit never goes above this; at least {@link #min()}. */
    int max() default 200;
}
