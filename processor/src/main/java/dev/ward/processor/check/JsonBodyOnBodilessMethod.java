package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.ValueType;

/** GET and DELETE requests carry no body a client can rely on servers and proxies to pass along. */
final class JsonBodyOnBodilessMethod extends RouteRule {
    JsonBodyOnBodilessMethod() {
        super("Ward/JsonBodyOnBodilessMethod");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (route.httpMethod().hasBody()) {
            return;
        }
        for (Param param : route.params()) {
            if (param.valueType() == ValueType.DATA) {
                diagnostics.error(id(), param.element(), param.bindingAnnotation(), null, "@Body parameter "
                                + param.javaName() + " of " + route.describe() + ": " + route.httpMethod()
                                + " requests have no body to read a " + param.valueMirror() + " from",
                        "serve the route with @Post, @Put or @Patch, or take the values as @QueryParam.");
            }
        }
    }
}
