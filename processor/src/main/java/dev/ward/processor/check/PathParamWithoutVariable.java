package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.Binding;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.MiddlewareUse;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.Route;
import java.util.Map;

/** {@code @PathParam("x")} where the template has no {@code {x}}: it could never be bound. */
final class PathParamWithoutVariable extends RouteRule {
    PathParamWithoutVariable() {
        super("Ward/PathParamWithoutVariable");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (!route.path().isValid()) {
            return;
        }
        Map<Param, String> meant = MisnamedPathParams.of(route);
        for (Param param : route.params()) {
            if (param.binding() == Binding.PATH && !route.path().variables().contains(param.name())) {
                String variables = route.path().variables().isEmpty() ? "has no variables"
                        : "has " + route.path().variables();
                String variable = meant.get(param);
                String suggestion = variable != null ? "; did you mean '" + variable + "'?"
                        : Similar.didYouMean(param.name(), route.path().variables());
                diagnostics.error(id(), param.element(), param.bindingAnnotation(),
                        Annotations.explicitValue(param.bindingAnnotation(), "value"),
                        "@PathParam(\"" + param.name() + "\") names no variable of \"" + route.template()
                                + "\", which " + variables + suggestion,
                        variable != null
                                ? "rename it @PathParam(\"" + variable + "\"), the variable no parameter binds."
                                : "add {" + param.name() + "} to the template, or name one of its variables.");
            }
        }
        for (MiddlewareUse use : route.uses()) {
            for (Param param : use.middleware().params()) {
                if (param.binding() == Binding.PATH && !route.path().variables().contains(param.name())) {
                    diagnostics.error(id(), use.declaredOn(), use.use(), null,
                            "middleware " + use.middleware().type().getSimpleName() + " binds @PathParam(\""
                                    + param.name() + "\"), but " + route.describe() + " has no {" + param.name() + "}",
                            "use " + use.middleware().type().getSimpleName() + " only on routes whose template has {"
                                    + param.name() + "}.");
                }
            }
        }
    }
}
