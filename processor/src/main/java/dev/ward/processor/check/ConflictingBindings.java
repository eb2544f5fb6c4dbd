package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.Route;
import java.util.stream.Collectors;

/** A parameter with two sources ({@code @PathParam @QueryParam}) has no single meaning. */
final class ConflictingBindings extends RouteRule {
    ConflictingBindings() {
        super("Ward/ConflictingBindings");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        for (Param param : route.params()) {
            if (param.bindings().size() > 1) {
                String names = param.bindings().stream()
                        .map(a -> "@" + a.getAnnotationType().asElement().getSimpleName())
                        .collect(Collectors.joining(" and "));
                diagnostics.error(id(), param.element(), param.bindings().get(1), null,
                        "parameter " + param.javaName() + " has " + names + "; a parameter is bound from one place",
                        "keep one binding annotation, and add a second parameter for the other value.");
            }
        }
    }
}
