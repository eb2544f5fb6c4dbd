package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import java.util.stream.Collectors;

/** Type variables cannot be bound from an HTTP request: nothing would tell Ward what type to convert to. */
final class RouteGeneric extends RouteRule {
    RouteGeneric() {
        super("Ward/RouteGeneric");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (!route.method().getTypeParameters().isEmpty()) {
            diagnostics.error(id(), route.method(), route.routeAnnotation(), null,
                    describe(handlerClass, route) + " declares type parameters <" + route.method().getTypeParameters().stream()
                                    .map(Object::toString).collect(Collectors.joining(", ")) + ">"
                            + "; a request cannot say what they are",
                    "use concrete parameter and return types.");
        }
    }
}
