package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.Binding;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.MiddlewareUse;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.Route;
import java.util.ArrayList;
import java.util.List;

/**
 * A body can be read once. Without {@code @ReplayBody}, a second consumer (middleware {@code @Body}, the
 * handler's {@code @Body}, or the raw exchange's stream) would see nothing.
 */
final class BodyConsumedTwice extends RouteRule {
    BodyConsumedTwice() {
        super("Ward/BodyConsumedTwice");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (route.replayBody().isPresent()) {
            return;
        }
        List<String> consumers = new ArrayList<>();
        for (MiddlewareUse use : route.uses()) {
            for (Param param : use.middleware().params()) {
                if (param.binding() == Binding.BODY) {
                    consumers.add("middleware " + use.middleware().type().getSimpleName() + " (@Body "
                            + param.javaName() + ")");
                }
            }
        }
        for (Param param : route.params()) {
            if (param.binding() == Binding.BODY) {
                consumers.add("the handler (@Body " + param.javaName() + ")");
            } else if (param.binding() == Binding.EXCHANGE) {
                consumers.add("the handler's raw exchange (" + param.javaName() + ")");
            }
        }
        if (consumers.size() > 1) {
            diagnostics.error(id(), route.method(), route.routeAnnotation(), null,
                    route.describe() + " reads its body twice: " + consumers.get(0) + " and " + consumers.get(1)
                            + "; without @ReplayBody the second would see an empty body",
                    "add @ReplayBody to " + route.methodName() + ", or let only one of them take the body.");
        }
    }
}
