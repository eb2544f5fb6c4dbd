package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/** A breaker open for no time at all would let probes through at once: it would never shield the dependency. */
final class CircuitBreakerOpenFor extends RouteRule {
    CircuitBreakerOpenFor() {
        super("Ward/CircuitBreakerOpenFor");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        route.circuitBreaker().filter(breaker -> breaker.openFor() <= 0)
                .ifPresent(breaker -> diagnostics.error(id(), route.method(), breaker.annotation(),
                        Annotations.explicitValue(breaker.annotation(), "openFor"),
                        "@CircuitBreaker(openFor = " + breaker.openFor() + ") on " + describe(handlerClass, route)
                                + " would never stay open; the time it refuses requests must be positive",
                        "give the milliseconds the dependency gets to recover, e.g. openFor = 5000."));
    }
}
