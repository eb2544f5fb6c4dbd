package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.CircuitBreakerSpec;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.WardModel;
import java.util.HashMap;
import java.util.Map;

/**
 * Routes naming the same breaker share one: they must declare it alike, or which parameters hold would depend on
 * the order the server registers them. Reported on every route that disagrees with the first to declare it; the
 * server checks it again across compilations.
 */
final class CircuitBreakerShared extends IdentifiedRule {
    CircuitBreakerShared() {
        super("Ward/CircuitBreakerShared");
    }

    private record Declared(HandlerClass handlerClass, Route route, CircuitBreakerSpec spec) {
    }

    @Override
    public void check(WardModel model, Diagnostics diagnostics) {
        Map<String, Declared> first = new HashMap<>();
        for (HandlerClass handlerClass : model.classes()) {
            for (Route route : handlerClass.routes()) {
                route.circuitBreaker().filter(spec -> !spec.name().isEmpty()).ifPresent(spec -> {
                    Declared earlier = first.putIfAbsent(spec.name(), new Declared(handlerClass, route, spec));
                    if (earlier != null && !earlier.spec().parameters().equals(spec.parameters())) {
                        diagnostics.error(id(), route.method(), spec.annotation(),
                                Annotations.explicitValue(spec.annotation(), "name"),
                                "@CircuitBreaker(name = \"" + spec.name() + "\") on "
                                        + RouteRule.describe(handlerClass, route) + " declares " + spec.parameters()
                                        + ", but " + RouteRule.describe(earlier.handlerClass(), earlier.route())
                                        + " shares it with " + earlier.spec().parameters(),
                                "declare the shared breaker with the same parameters on every route, or give this "
                                        + "one another name.");
                    }
                });
            }
        }
    }
}
