package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/** A template Undertow would reject, or match differently from what it says. */
final class InvalidPathTemplate extends RouteRule {
    InvalidPathTemplate() {
        super("Ward/InvalidPathTemplate");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (!route.path().isValid()) {
            diagnostics.error(id(), route.method(), route.routeAnnotation(),
                    Annotations.explicitValue(route.routeAnnotation(), "value"),
                    "path template \"" + route.template() + "\" is invalid: " + route.path().problem(),
                    "write the template as /segment/{variable}/..., for example \"/orders/{id}\".");
        }
    }
}
