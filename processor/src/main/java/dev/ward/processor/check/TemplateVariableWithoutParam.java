package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.Binding;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import java.util.stream.Stream;

/** A template variable no parameter takes: the value would be silently ignored, usually a typo. */
final class TemplateVariableWithoutParam extends RouteRule {
    TemplateVariableWithoutParam() {
        super("Ward/TemplateVariableWithoutParam");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        for (String variable : route.path().variables()) {
            boolean bound = Stream.concat(route.params().stream(),
                            route.uses().stream().flatMap(use -> use.middleware().params().stream()))
                    .anyMatch(p -> p.binding() == Binding.PATH && variable.equals(p.name()));
            if (!bound) {
                diagnostics.error(id(), route.method(), route.routeAnnotation(),
                        Annotations.explicitValue(route.routeAnnotation(), "value"),
                        "template variable {" + variable + "} of \"" + route.template() + "\" is bound by no "
                                + "parameter of " + describe(handlerClass, route) + " or of its middleware",
                        "add a parameter @PathParam(\"" + variable + "\") String " + variable + ".");
            }
        }
    }
}
