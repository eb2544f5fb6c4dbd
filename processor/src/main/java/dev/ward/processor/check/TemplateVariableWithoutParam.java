package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import java.util.Collection;

/** A template variable no parameter takes: the value would be silently ignored, usually a typo. */
final class TemplateVariableWithoutParam extends RouteRule {
    TemplateVariableWithoutParam() {
        super("Ward/TemplateVariableWithoutParam");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        // A variable a misnamed @PathParam meant is reported once, as that parameter's rename.
        Collection<String> meantByMisnamed = MisnamedPathParams.of(route).values();
        for (String variable : MisnamedPathParams.unboundVariables(route)) {
            if (!meantByMisnamed.contains(variable)) {
                diagnostics.error(id(), route.method(), route.routeAnnotation(),
                        Annotations.explicitValue(route.routeAnnotation(), "value"),
                        "template variable {" + variable + "} of \"" + route.template() + "\" is bound by no "
                                + "parameter of " + describe(handlerClass, route) + " or of its middleware",
                        "add a parameter @PathParam(\"" + variable + "\") String " + variable + ".");
            }
        }
    }
}
