package dev.ward.undertow.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A route's {@code @Retry}: how many attempts, the backoff between them, and which failures are retried.
 * Generated code builds it in one expression, e.g.
 * {@code RetrySpec.attempts(3).delay(100L, ChronoUnit.MILLIS).maxDelay(1L, ChronoUnit.SECONDS).retryOn(IOException.class)}.
 */
public final class RetrySpec {
    private final int maxAttempts;
    private Duration delay = Duration.ofMillis(100);
    private Duration maxDelay = Duration.ofSeconds(1);
    private double jitter = 0.2;
    private final List<Class<? extends Throwable>> retryOn = new ArrayList<>();
    private final List<Class<? extends Throwable>> abortOn = new ArrayList<>();
    /** Built with the spec, before the server starts: read-only once requests come. */
    private ExceptionFilter filter = new ExceptionFilter(List.of(Exception.class), List.of());

    private RetrySpec(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
    }

    /** How many times the route runs at most, the first included. */
    public static RetrySpec attempts(int maxAttempts) {
        return new RetrySpec(maxAttempts);
    }

    /** The wait before the first retry; doubled before each next one, up to {@link #maxDelay}. */
    public RetrySpec delay(long amount, ChronoUnit unit) {
        delay = notNegative(Duration.of(amount, unit), "delay");
        return this;
    }

    public RetrySpec maxDelay(long amount, ChronoUnit unit) {
        maxDelay = notNegative(Duration.of(amount, unit), "maxDelay");
        return this;
    }

    /** The fraction by which each wait is spread at random, from 0 to 1. */
    public RetrySpec jitter(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("jitter must be from 0 to 1: " + fraction);
        }
        jitter = fraction;
        return this;
    }

    @SafeVarargs
    public final RetrySpec retryOn(Class<? extends Throwable>... failures) {
        retryOn.addAll(List.of(failures));
        filter = new ExceptionFilter(retryOn.isEmpty() ? List.of(Exception.class) : retryOn, abortOn);
        return this;
    }

    @SafeVarargs
    public final RetrySpec abortOn(Class<? extends Throwable>... failures) {
        abortOn.addAll(List.of(failures));
        filter = new ExceptionFilter(retryOn.isEmpty() ? List.of(Exception.class) : retryOn, abortOn);
        return this;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /** What is retried: {@code retryOn} (every {@code Exception} when none is given), less {@code abortOn}. */
    ExceptionFilter filter() {
        return filter;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first): {@code delay × 2^(retry-1)}, capped by
     * {@code maxDelay}, spread by the jitter with {@code random} in [0, 1), and never above {@code maxDelay}.
     */
    long delayNanos(int retry, double random) {
        double base = Math.min(maxDelay.toNanos(), delay.toNanos() * Math.pow(2, retry - 1));
        double spread = base * (1 + jitter * (2 * random - 1));
        return (long) Math.max(0, Math.min(maxDelay.toNanos(), spread));
    }

    /** {@code 3 attempts, 100 ms..1 s}. */
    @Override
    public String toString() {
        return maxAttempts + " attempts, " + text(delay) + ".." + text(maxDelay);
    }

    private static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis >= 1000 && millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static Duration notNegative(Duration duration, String name) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + duration);
        }
        return duration;
    }
}
