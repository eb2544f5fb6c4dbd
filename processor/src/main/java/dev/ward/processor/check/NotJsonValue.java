package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.ValueType;

/** A JSON body or result whose type a codec cannot read or write: see {@link JsonValueTypes}. */
final class NotJsonValue extends RouteRule {
    private static final String FIX = "use a record, an enum or a final class with a constructor taking every field,"
            + " or a List, Set or Map<String, ...> of them.";

    NotJsonValue() {
        super("Ward/NotJsonValue");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        for (Param param : route.params()) {
            String problem = param.valueType() == ValueType.DATA ? JsonValueTypes.problem(param.valueMirror()) : null;
            if (problem != null) {
                diagnostics.error(id(), param.element(), param.bindingAnnotation(), null, "@Body parameter "
                        + param.javaName() + " of " + describe(handlerClass, route) + " cannot be read from JSON: "
                        + problem, FIX);
            }
        }
        String problem = route.returns().isData() ? JsonValueTypes.problem(route.returns().data()) : null;
        if (problem != null) {
            diagnostics.error(id(), route.method(), route.routeAnnotation(), null, describe(handlerClass, route)
                    + " returns " + route.returns().type() + ", which cannot be written as JSON: " + problem,
                    FIX + " Or return String, byte[] or dev.ward.Response.");
        }
    }
}
