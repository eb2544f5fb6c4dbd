package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.FallbackRef;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * A rule about a fallback a route names, by {@code @Timeout(fallback = "name")} or {@code @Fallback(method =
 * "name")}. Each concrete rule looks at the methods of that name in the handler class; errors point at the value
 * that names it.
 */
abstract class FallbackRule extends RouteRule {
    FallbackRule(String id) {
        super(id);
    }

    @Override
    final void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        for (FallbackRef fallback : route.fallbacks()) {
            check(handlerClass, route, fallback, fallback.candidates(), diagnostics);
        }
    }

    abstract void check(HandlerClass handlerClass, Route route, FallbackRef fallback,
                        List<ExecutableElement> candidates, Diagnostics diagnostics);

    void report(Diagnostics diagnostics, FallbackRef fallback, String message, String fix) {
        diagnostics.error(id(), fallback.declaredOn(), fallback.annotation(),
                Annotations.explicitValue(fallback.annotation(), fallback.member()), message, fix);
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
        final void check(HandlerClass handlerClass, Route route, FallbackRef fallback,
                         List<ExecutableElement> candidates, Diagnostics diagnostics) {
            if (candidates.size() == 1) {
                check(route, fallback, candidates.get(0), diagnostics);
            }
        }

        abstract void check(Route route, FallbackRef fallback, ExecutableElement method, Diagnostics diagnostics);
    }
}
