package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.Binding;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.Route;

/** A parameter with no binding annotation whose type Ward does not supply by itself. */
final class UnboundParameter extends RouteRule {
    UnboundParameter() {
        super("Ward/UnboundParameter");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        for (Param param : route.params()) {
            if (param.binding() == Binding.NONE) {
                diagnostics.error(id(), param.element(),
                        "parameter " + param.javaName() + " of " + describe(handlerClass, route)
                                + " has no binding annotation, and Ward does not know how to supply a "
                                + param.element().asType(),
                        "annotate it with @PathParam, @QueryParam, @Header or @Body, or take a Deadline.");
            }
        }
    }
}
