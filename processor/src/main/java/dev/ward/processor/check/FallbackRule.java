package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.TimeoutSpec;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;

/**
 * A rule about a route's {@code @Timeout(fallback = "name")}. Each concrete rule looks at the methods of that
 * name in the handler class; errors point at the {@code fallback} value.
 */
abstract class FallbackRule extends RouteRule {
    FallbackRule(String id) {
        super(id);
    }

    @Override
    final void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        TimeoutSpec timeout = route.timeout().orElse(null);
        if (timeout == null || timeout.fallback().isEmpty()) {
            return;
        }
        List<ExecutableElement> candidates = ElementFilter.methodsIn(handlerClass.element().getEnclosedElements())
                .stream().filter(m -> m.getSimpleName().contentEquals(timeout.fallback())).toList();
        check(handlerClass, route, timeout, candidates, diagnostics);
    }

    abstract void check(HandlerClass handlerClass, Route route, TimeoutSpec timeout,
                        List<ExecutableElement> candidates, Diagnostics diagnostics);

    void report(Diagnostics diagnostics, TimeoutSpec timeout, String message, String fix) {
        diagnostics.error(id(), timeout.declaredOn(), timeout.annotation(),
                Annotations.explicitValue(timeout.annotation(), "fallback"), message, fix);
    }

    /** The one candidate the other fallback rules judge; null when there is none or more than one. */
    static ExecutableElement single(List<ExecutableElement> candidates) {
        return candidates.size() == 1 ? candidates.get(0) : null;
    }
}
