package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

/**
 * Runs the route again (its {@link Use} middleware and bindings included) when it fails with one of
 * {@link #retryOn()}, waiting {@link #delay()}, doubled each time up to {@link #maxDelay()}, with jitter.
 *
 * <p>Retries stay inside the route's {@link Timeout}: the deadline is the total, and no attempt starts that cannot
 * finish before it (the remaining time must hold the delay and as long again as the last attempt took). Retries
 * of the whole server are bounded by its retry budget ({@code WardServer.Builder.retryBudget}): when it is spent,
 * the failure is answered at once. A failure is matched on its cause chain; {@link #abortOn()} wins. A route
 * whose handler answered (a 5xx {@link Response} too) is never retried, nor one whose response has started.
 *
 * <p>A POST or PATCH route must also be {@link Idempotent}, saying why running it twice is safe.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Retry {
    /** How many times the route runs at most, the first included; at least 1. */
    int maxAttempts() default 3;

    /** The wait before the first retry, in {@link #unit()}; doubled before each next one. */
    long delay() default 100;

    /** The longest wait between two attempts, in {@link #unit()}; at least {@link #delay()}. */
    long maxDelay() default 1000;

    /** The unit of {@link #delay()} and {@link #maxDelay()}. */
    ChronoUnit unit() default ChronoUnit.MILLIS;

    /**
     * How far each wait is spread at random, as a fraction of it: 0.2 waits between 80% and 120% of it (never
     * more than {@link #maxDelay()}), so clients that failed together do not retry together. From 0 to 1.
     */
    double jitter() default 0.2;

    /** The failures worth another attempt; the checked ones must be thrown by the route or its middleware. */
    Class<? extends Throwable>[] retryOn() default Exception.class;

    /** Failures never retried, even when {@link #retryOn()} lists a supertype; they win. */
    Class<? extends Throwable>[] abortOn() default {};
}
