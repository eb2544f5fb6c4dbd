package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/** A failure ratio of 0 or less would open the breaker on the first failure, above 1 never. */
final class CircuitBreakerRatio extends RouteRule {
    CircuitBreakerRatio() {
        super("Ward/CircuitBreakerRatio");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        route.circuitBreaker().filter(breaker -> !(breaker.failureRatio() > 0 && breaker.failureRatio() <= 1))
                .ifPresent(breaker -> diagnostics.error(id(), route.method(), breaker.annotation(),
                        Annotations.explicitValue(breaker.annotation(), "failureRatio"),
                        "@CircuitBreaker(failureRatio = " + breaker.failureRatio() + ") on "
                                + describe(handlerClass, route) + " is not a share of failures: it must be above 0 "
                                + "and at most 1",
                        "give the share of failed requests that opens the breaker, e.g. failureRatio = 0.5."));
    }
}
