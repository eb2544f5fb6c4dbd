package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import javax.lang.model.element.Modifier;

/** Generated code calls route methods from outside their class: they must be public. */
final class RouteNotPublic extends RouteRule {
    RouteNotPublic() {
        super("Ward/RouteNotPublic");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (!route.method().getModifiers().contains(Modifier.PUBLIC)) {
            diagnostics.error(id(), route.method(), route.routeAnnotation(), null,
                    describe(handlerClass, route) + " is a route but not public; the generated "
                            + handlerClass.element().getSimpleName() + "Routes could not call it",
                    "declare " + route.methodName() + " public.");
        }
    }
}
