package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/** Two middleware producing the same context value: which one wins would be an accident of order. */
final class ContextValueProducedTwice extends RouteRule {
    ContextValueProducedTwice() {
        super("Ward/ContextValueProducedTwice");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        for (ContextFlow.Finding finding : ContextFlow.of(route)) {
            if (finding.kind() == ContextFlow.Kind.PRODUCED_TWICE) {
                diagnostics.error(id(), finding.consumer().declaredOn(), finding.consumer().use(), null,
                        "in the chain of " + route.describe() + ", both " + ContextFlow.describe(finding.other())
                                + " and " + ContextFlow.describe(finding.consumer()) + " produce "
                                + finding.valueType() + "; a value has one producer",
                        "remove one of them from @Use, or give each value its own @ContextValue type.");
            }
        }
    }
}
