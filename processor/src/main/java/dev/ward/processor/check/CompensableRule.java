package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.CompensableSpec;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/** A rule about a route's {@code @Compensable}; errors point at the annotation (and a member, when given). */
abstract class CompensableRule extends RouteRule {
    CompensableRule(String id) {
        super(id);
    }

    @Override
    final void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        route.compensable().ifPresent(spec -> check(handlerClass, route, spec, diagnostics));
    }

    abstract void check(HandlerClass handlerClass, Route route, CompensableSpec spec, Diagnostics diagnostics);

    void report(Diagnostics diagnostics, Route route, CompensableSpec spec, String member, String message,
                String fix) {
        diagnostics.error(id(), route.method(), spec.annotation(),
                member == null ? null : Annotations.explicitValue(spec.annotation(), member), message, fix);
    }
}
