package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.Binding;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.Route;
import java.util.List;

/** A request has one body; two {@code @Body} parameters would read it twice. */
final class MultipleBodies extends RouteRule {
    MultipleBodies() {
        super("Ward/MultipleBodies");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        List<Param> bodies = route.params().stream().filter(p -> p.binding() == Binding.BODY).toList();
        for (Param extra : bodies.subList(Math.min(1, bodies.size()), bodies.size())) {
            diagnostics.error(id(), extra.element(), extra.bindingAnnotation(), null,
                    describe(handlerClass, route) + " takes the body twice, as " + bodies.get(0).javaName()
                            + " and as " + extra.javaName() + "; a request has one body",
                    "keep one @Body parameter and derive the other value from it.");
        }
    }
}
