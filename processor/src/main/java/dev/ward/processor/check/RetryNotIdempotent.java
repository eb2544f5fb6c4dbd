package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HttpMethod;
import dev.ward.processor.model.RetrySpec;
import dev.ward.processor.model.Route;

/**
 * A retry runs the route again; a POST or PATCH may not be safe to run twice (a second order, a second payment)
 * unless its author made it so, and says how with {@code @Idempotent}. PUT and DELETE are idempotent by HTTP's
 * definition, GET is safe.
 */
final class RetryNotIdempotent extends RetryRule {
    RetryNotIdempotent() {
        super("Ward/RetryNotIdempotent");
    }

    @Override
    void check(Route route, RetrySpec retry, Diagnostics diagnostics) {
        boolean unsafe = route.httpMethod() == HttpMethod.POST || route.httpMethod() == HttpMethod.PATCH;
        if (unsafe && route.idempotent().isEmpty()) {
            report(diagnostics, route, retry, null, "@Retry on " + route.describe() + ": a " + route.httpMethod()
                            + " is not idempotent by HTTP's definition, and a retry would run it a second time",
                    "make it safe to run twice (e.g. keyed by a RequestId or an Idempotency-Key header) and say how "
                            + "with @Idempotent(reason = \"...\"), or remove @Retry.");
        }
    }
}
