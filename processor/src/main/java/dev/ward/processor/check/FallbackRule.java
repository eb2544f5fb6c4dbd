package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.TimeoutSpec;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

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
        check(handlerClass, route, timeout, route.fallbackCandidates(), diagnostics);
    }

    abstract void check(HandlerClass handlerClass, Route route, TimeoutSpec timeout,
                        List<ExecutableElement> candidates, Diagnostics diagnostics);

    void report(Diagnostics diagnostics, TimeoutSpec timeout, String message, String fix) {
        diagnostics.error(id(), timeout.declaredOn(), timeout.annotation(),
                Annotations.explicitValue(timeout.annotation(), "fallback"), message, fix);
    }

    /**
     * A rule about the fallback method itself: it runs only when exactly one method has the fallback's name;
     * none and several are {@link FallbackNotFound}'s and {@link FallbackAmbiguous}'s to report.
     */
    abstract static class OfTheMethod extends FallbackRule {
        OfTheMethod(String id) {
            super(id);
        }

        @Override
        final void check(HandlerClass handlerClass, Route route, TimeoutSpec timeout,
                         List<ExecutableElement> candidates, Diagnostics diagnostics) {
            if (candidates.size() == 1) {
                check(route, timeout, candidates.get(0), diagnostics);
            }
        }

        abstract void check(Route route, TimeoutSpec timeout, ExecutableElement fallback, Diagnostics diagnostics);
    }
}
