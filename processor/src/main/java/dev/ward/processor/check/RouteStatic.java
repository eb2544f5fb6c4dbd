package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import javax.lang.model.element.Modifier;

/** Routes are called on the handler instance given to the generated constructor; a static one would bypass it. */
final class RouteStatic extends RouteRule {
    RouteStatic() {
        super("Ward/RouteStatic");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (route.method().getModifiers().contains(Modifier.STATIC)) {
            diagnostics.error(id(), route.method(), route.routeAnnotation(), null,
                    describe(handlerClass, route) + " is static; routes are instance methods, called on the "
                            + "handler instance you pass to the generated Routes class",
                    "remove 'static' from " + route.methodName() + ".");
        }
    }
}
