package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.WardModel;
import java.util.HashMap;
import java.util.Map;

/**
 * Two routes of one class for the same method and the same paths ({@code /a/{id}} and {@code /a/{key}} match
 * the same paths). Only within a class: two classes may serve the same path on different servers (a public
 * and an admin port), which the processor cannot know; {@code WardServer.build()} refuses a real clash.
 */
final class DuplicateRoute extends IdentifiedRule {
    DuplicateRoute() {
        super("Ward/DuplicateRoute");
    }

    @Override
    public void check(WardModel model, Diagnostics diagnostics) {
        for (HandlerClass handlerClass : model.classes()) {
            // GET /orders/{} → "OrderHandlers.getOrder() (GET /orders/{id})"
            Map<String, String> seen = new HashMap<>();
            for (Route route : handlerClass.routes()) {
                if (!route.path().isValid()) {
                    continue;
                }
                String key = route.httpMethod() + " " + route.path().shape();
                String here = RouteRule.describe(handlerClass, route) + " (" + route.describe() + ")";
                String first = seen.putIfAbsent(key, here);
                if (first != null) {
                    diagnostics.error(id(), route.method(), route.routeAnnotation(), null,
                            route.describe() + " is already served by " + first
                                    + "; both would match the same requests",
                            "change the path or method of one of them, or merge them.");
                }
            }
        }
    }
}
