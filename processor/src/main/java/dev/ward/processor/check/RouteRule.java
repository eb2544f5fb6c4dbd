package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.WardModel;

/** A rule that looks at one route at a time. */
abstract class RouteRule extends IdentifiedRule {
    RouteRule(String id) {
        super(id);
    }

    @Override
    public final void check(WardModel model, Diagnostics diagnostics) {
        for (HandlerClass handlerClass : model.classes()) {
            for (Route route : handlerClass.routes()) {
                check(handlerClass, route, diagnostics);
            }
        }
    }

    abstract void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics);

    /** {@code OrderHandlers.getOrder()}: how messages name a route method. */
    static String describe(HandlerClass handlerClass, Route route) {
        return handlerClass.element().getSimpleName() + "." + route.methodName() + "()";
    }
}
