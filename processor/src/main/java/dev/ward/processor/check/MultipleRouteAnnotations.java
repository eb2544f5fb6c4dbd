package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/** One method, one route: two route annotations would make one method answer two contracts. */
final class MultipleRouteAnnotations extends RouteRule {
    MultipleRouteAnnotations() {
        super("Ward/MultipleRouteAnnotations");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (route.routeAnnotations().size() > 1) {
            diagnostics.error(id(), route.method(), route.routeAnnotations().get(1), null,
                    describe(handlerClass, route) + " has " + route.routeAnnotations().size()
                            + " route annotations; a method serves exactly one method and path",
                    "keep one route annotation and give the other route its own method.");
        }
    }
}
