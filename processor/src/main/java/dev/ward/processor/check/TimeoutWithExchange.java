package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.Binding;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.Route;

/** A handler holding the raw exchange could write while the deadline's 503 is being written. */
final class TimeoutWithExchange extends RouteRule {
    TimeoutWithExchange() {
        super("Ward/TimeoutWithExchange");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (route.timeout().isEmpty()) {
            return;
        }
        for (Param param : route.params()) {
            if (param.binding() == Binding.EXCHANGE) {
                diagnostics.error(id(), param.element(),
                        describe(handlerClass, route) + " has @Timeout and takes the raw HttpServerExchange; "
                                + "it could write to the exchange while the deadline's answer is written",
                        "take the values you need as @Header/@QueryParam parameters, or drop @Timeout from this route.");
            }
        }
    }
}
