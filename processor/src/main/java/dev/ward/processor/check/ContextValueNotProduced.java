package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/** A context value taken as a parameter that no middleware in the route's chain produces. */
final class ContextValueNotProduced extends RouteRule {
    ContextValueNotProduced() {
        super("Ward/ContextValueNotProduced");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        for (ContextFlow.Finding finding : ContextFlow.of(route)) {
            if (finding.kind() != ContextFlow.Kind.NOT_PRODUCED) {
                continue;
            }
            String taker = finding.consumer() == null ? describe(handlerClass, route)
                    : ContextFlow.describe(finding.consumer());
            diagnostics.error(id(), ContextFlow.element(route, finding),
                    finding.consumer() == null ? null : finding.consumer().use(), null,
                    taker + " takes " + finding.valueType() + " " + finding.param().javaName() + ", but no middleware "
                            + "in the chain of " + route.describe() + " produces a " + finding.valueType(),
                    "add the @Middleware that returns " + finding.valueType() + " to @Use on " + route.methodName()
                            + " or its class, before anything that takes it.");
        }
    }
}
