package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.MiddlewareClass;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.WardModel;

/**
 * A rule about one parameter on its own, whoever declares it: a route method, or the method of a
 * {@code @Middleware} class of this round (which binds exactly like a handler).
 */
abstract class ParamRule extends IdentifiedRule {
    ParamRule(String id) {
        super(id);
    }

    @Override
    public final void check(WardModel model, Diagnostics diagnostics) {
        for (HandlerClass handlerClass : model.classes()) {
            for (Route route : handlerClass.routes()) {
                for (Param param : route.params()) {
                    check(RouteRule.describe(handlerClass, route), param, diagnostics);
                }
            }
        }
        for (MiddlewareClass middleware : model.middlewares()) {
            if (middleware.method() != null) {
                String owner = middleware.type().getSimpleName() + "." + middleware.method().getSimpleName() + "()";
                for (Param param : middleware.params()) {
                    check(owner, param, diagnostics);
                }
            }
        }
    }

    /** @param owner how messages name the method, {@code OrderHandlers.get()} */
    abstract void check(String owner, Param param, Diagnostics diagnostics);
}
