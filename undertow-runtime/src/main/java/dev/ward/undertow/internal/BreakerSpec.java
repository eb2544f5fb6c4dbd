package dev.ward.undertow.internal;

/** A route's {@code @CircuitBreaker}: {@code name} is empty for the route's own breaker. */
record BreakerSpec(String name, Breaker.Settings settings) {
}
