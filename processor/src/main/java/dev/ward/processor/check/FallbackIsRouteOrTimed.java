package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.Names;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.FallbackRef;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;

/**
 * A fallback that is itself a route, or has its own {@code @Timeout}: its meaning would depend on how it is
 * called, and a timed-out fallback of a timed-out route has nothing left to answer with.
 */
final class FallbackIsRouteOrTimed extends FallbackRule.OfTheMethod {
    private final Annotations annotations;

    FallbackIsRouteOrTimed(Annotations annotations) {
        super("Ward/FallbackIsRouteOrTimed");
        this.annotations = annotations;
    }

    @Override
    void check(Route route, FallbackRef named, ExecutableElement fallback, Diagnostics diagnostics) {
        List<AnnotationMirror> routeAnnotations = annotations.findAll(fallback, Names.ROUTE_ANNOTATIONS);
        if (!routeAnnotations.isEmpty()) {
            report(diagnostics, named, "fallback " + named.name() + " is itself a route ("
                            + Names.simple(Annotations.nameOf(routeAnnotations.get(0))) + ")",
                    "write a separate, non-route method for the fallback; both may call a shared helper.");
        } else if (annotations.find(fallback, Names.TIMEOUT).isPresent()) {
            report(diagnostics, named, "fallback " + named.name() + " has its own @Timeout; a fallback "
                            + "runs after the deadline and must answer, not time out again",
                    "remove @Timeout from " + named.name() + " and keep the fallback fast.");
        }
    }
}
