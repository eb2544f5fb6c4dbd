package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/** Middleware that takes a context value produced by middleware that runs after it. */
final class ContextValueConsumedTooEarly extends RouteRule {
    ContextValueConsumedTooEarly() {
        super("Ward/ContextValueConsumedTooEarly");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        for (ContextFlow.Finding finding : ContextFlow.of(route)) {
            if (finding.kind() == ContextFlow.Kind.CONSUMED_TOO_EARLY) {
                diagnostics.error(id(), ContextFlow.element(route, finding), finding.consumer().use(), null,
                        ContextFlow.describe(finding.consumer()) + " takes " + finding.valueType() + ", but in the "
                                + "chain of " + route.describe() + " it runs before "
                                + ContextFlow.describe(finding.other()) + ", which produces it",
                        "list " + finding.other().middleware().type().getSimpleName() + " before "
                                + finding.consumer().middleware().type().getSimpleName() + " in @Use.");
            }
        }
    }
}
