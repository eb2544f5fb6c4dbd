package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.TimeoutSpec;

/** A deadline of zero or less would time out every request before it started. */
final class TimeoutNotPositive extends RouteRule {
    TimeoutNotPositive() {
        super("Ward/TimeoutNotPositive");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        route.timeout().filter(t -> t.value() <= 0).ifPresent(timeout -> report(timeout, diagnostics));
    }

    private void report(TimeoutSpec timeout, Diagnostics diagnostics) {
        diagnostics.error(id(), timeout.declaredOn(), timeout.annotation(),
                Annotations.explicitValue(timeout.annotation(), "value"),
                "@Timeout(" + timeout.value() + ") would expire before the request starts; a deadline must be "
                        + "positive",
                "give the time the route may take, e.g. @Timeout(500) for 500 ms.");
    }
}
