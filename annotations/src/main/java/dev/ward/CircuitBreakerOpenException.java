package dev.ward;

import java.time.Duration;
import java.util.Objects;

/**
 * A request refused by an open {@link CircuitBreaker}: what a route's fallback receives in place of the
 * handler's failure. Not a failure of the route itself: no handler ran, and no stack trace is captured.
 */
public final class CircuitBreakerOpenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String breaker;
    private final Duration retryAfter;

    /**
     * @param breaker    the breaker's name: its {@code name}, or the route ({@code GET /orders/{id}})
     * @param retryAfter how long until the breaker lets probes through again
     */
    public CircuitBreakerOpenException(String breaker, Duration retryAfter) {
        super(null, null, false, false);
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public String breaker() {
        return breaker;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String getMessage() {
        return "the circuit breaker " + breaker + " is open";
    }
}
