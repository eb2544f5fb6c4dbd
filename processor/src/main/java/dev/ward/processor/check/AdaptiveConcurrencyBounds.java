package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.AdaptiveConcurrencySpec;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/** The limit moves within {@code [min, max]} from {@code initial}: a limit below 1 refuses everything. */
final class AdaptiveConcurrencyBounds extends RouteRule {
    AdaptiveConcurrencyBounds() {
        super("Ward/AdaptiveConcurrencyBounds");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (route.adaptiveConcurrency().isEmpty()) {
            return;
        }
        AdaptiveConcurrencySpec limit = route.adaptiveConcurrency().get();
        String subject = "@AdaptiveConcurrency(initial = " + limit.initial() + ", min = " + limit.min() + ", max = "
                + limit.max() + ") on " + describe(handlerClass, route);
        String member = limit.min() < 1 ? "min" : limit.max() < limit.min() ? "max"
                : limit.initial() < limit.min() || limit.initial() > limit.max() ? "initial" : null;
        if (member != null) {
            diagnostics.error(id(), route.method(), limit.annotation(),
                    Annotations.explicitValue(limit.annotation(), member),
                    subject + (member.equals("min") ? " lets the limit fall below 1, refusing every request"
                            : member.equals("max") ? " has max below min" : " starts outside [min, max]"),
                    "keep 1 <= min <= initial <= max, e.g. @AdaptiveConcurrency(initial = 20, min = 1, max = 200).");
        }
    }
}
