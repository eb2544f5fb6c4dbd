package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.WardModel;
import java.util.HashMap;
import java.util.Map;

/**
 * Two routes for the same method and the same paths ({@code /a/{id}} and {@code /a/{key}} match the same
 * paths). Remembered across rounds, so routes from different classes of one compilation are compared too.
 */
final class DuplicateRoute implements Rule {
    /** {@code GET /orders/{}} → {@code OrderHandlers.getOrder() (GET /orders/{id})}; descriptions, not elements. */
    private final Map<String, String> seen = new HashMap<>();

    @Override
    public String id() {
        return "Ward/DuplicateRoute";
    }

    @Override
    public void check(WardModel model, Diagnostics diagnostics) {
        for (HandlerClass handlerClass : model.classes()) {
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
