package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import javax.lang.model.element.Modifier;

/** An abstract route has no body to run; annotate the implementing method instead. */
final class RouteAbstract extends RouteRule {
    RouteAbstract() {
        super("Ward/RouteAbstract");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (route.method().getModifiers().contains(Modifier.ABSTRACT)) {
            diagnostics.error(id(), route.method(), route.routeAnnotation(), null,
                    describe(handlerClass, route) + " is abstract (or an interface method without a body); "
                            + "Ward routes to concrete methods only",
                    "put the route annotation on a concrete class's method that implements it.");
        }
    }
}
