package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/** A half-open breaker that admits no probe could never learn that the dependency recovered: stuck for good. */
final class CircuitBreakerHalfOpenCalls extends RouteRule {
    CircuitBreakerHalfOpenCalls() {
        super("Ward/CircuitBreakerHalfOpenCalls");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        route.circuitBreaker().filter(breaker -> breaker.halfOpenCalls() < 1)
                .ifPresent(breaker -> diagnostics.error(id(), route.method(), breaker.annotation(),
                        Annotations.explicitValue(breaker.annotation(), "halfOpenCalls"),
                        "@CircuitBreaker(halfOpenCalls = " + breaker.halfOpenCalls() + ") on "
                                + describe(handlerClass, route) + " lets no probe through, so the breaker could "
                                + "never close again",
                        "give how many probes must succeed to close it, e.g. halfOpenCalls = 3."));
    }
}
