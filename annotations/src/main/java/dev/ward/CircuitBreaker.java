package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stops calling a failing route for a while: once at least {@link #minimumCalls()} of the last {@link #window()}
 * requests have ended, and the share of failures among them reaches {@link #failureRatio()}, the breaker opens.
 * A failure is an exception, a 5xx answer or a passed deadline, counted once per request (after any retries).
 *
 * <p>Open, the route answers 503 with {@code Retry-After} (or its fallback, which receives a
 * {@link CircuitBreakerOpenException}) without running anything, for {@link #openFor()} milliseconds. Then it is
 * half-open: exactly {@link #halfOpenCalls()} requests go through as probes; if all succeed it closes, the first
 * failure opens it again. A probe that never reports within {@code openFor} counts as failed, so a half-open
 * breaker is never stuck.
 *
 * <p>Routes that name the same breaker ({@link #name()}) share it, and must declare the same parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CircuitBreaker {
    /** The share of failures, in (0, 1], that opens the breaker. */
    double failureRatio() default 0.5;

    /** How many of the latest requests the ratio is taken over (a count-based window), 1..10000. */
    int window() default 20;

    /** How many requests the window must hold before the breaker may open, 1..{@link #window()}. */
    int minimumCalls() default 10;

    /** How long the breaker stays open, in milliseconds; must be positive. */
    long openFor() default 5000;

    /** How many probes a half-open breaker lets through; all must succeed for it to close. At least 1. */
    int halfOpenCalls() default 3;

    /** A breaker shared by every route that names it; empty for the route's own breaker. */
    String name() default "";
}
