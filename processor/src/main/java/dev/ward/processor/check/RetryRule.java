package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.RetrySpec;
import dev.ward.processor.model.Route;

/** A rule about a route's {@code @Retry}; errors point at the annotation, and at the member at fault when written. */
abstract class RetryRule extends RouteRule {
    RetryRule(String id) {
        super(id);
    }

    @Override
    final void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        route.retry().ifPresent(retry -> check(route, retry, diagnostics));
    }

    abstract void check(Route route, RetrySpec retry, Diagnostics diagnostics);

    /** @param member the member at fault, or null for the annotation as a whole */
    void report(Diagnostics diagnostics, Route route, RetrySpec retry, String member, String message, String fix) {
        diagnostics.error(id(), route.method(), retry.annotation(),
                member == null ? null : Annotations.explicitValue(retry.annotation(), member), message, fix);
    }
}
