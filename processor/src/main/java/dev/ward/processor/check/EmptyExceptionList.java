package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/** {@code @Retry(retryOn = {})} would never retry, {@code @Fallback(applyOn = {})} never answer: each does nothing. */
final class EmptyExceptionList extends RouteRule {
    EmptyExceptionList() {
        super("Ward/EmptyExceptionList");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        route.retry().filter(retry -> retry.retryOn().isEmpty()).ifPresent(retry -> diagnostics.error(id(),
                route.method(), retry.annotation(), Annotations.explicitValue(retry.annotation(), "retryOn"),
                "@Retry(retryOn = {}) on " + route.methodName() + "() retries no failure, so it does nothing",
                "list the failures worth another attempt, e.g. retryOn = UncheckedIOException.class, or remove @Retry."));
        route.failureFallback().filter(fallback -> fallback.applyOn().isEmpty()).ifPresent(fallback ->
                diagnostics.error(id(), route.method(), fallback.annotation(),
                        Annotations.explicitValue(fallback.annotation(), "applyOn"), "@Fallback(applyOn = {}) on "
                                + route.methodName() + "() applies on no failure, so it does nothing",
                        "list the failures the fallback answers for, e.g. applyOn = UncheckedIOException.class."));
    }
}
