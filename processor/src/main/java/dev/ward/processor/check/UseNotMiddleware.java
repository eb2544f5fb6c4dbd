package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.MiddlewareUse;
import dev.ward.processor.model.Route;
import java.util.HashSet;
import java.util.Set;

/** {@code @Use} names a class that is not {@code @Middleware}: Ward would not know what to call. */
final class UseNotMiddleware extends RouteRule {
    /** A class-level {@code @Use} applies to every route; report each wrong entry once. */
    private final Set<String> reported = new HashSet<>();

    UseNotMiddleware() {
        super("Ward/UseNotMiddleware");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        for (MiddlewareUse use : route.uses()) {
            String name = use.middleware().type().getSimpleName().toString();
            if (!use.middleware().annotated() && reported.add(use.declaredOn() + "/" + name)) {
                diagnostics.error(id(), use.declaredOn(), use.use(), null,
                        "@Use names " + name + ", which is not annotated @Middleware",
                        "annotate " + name + " with @Middleware (one public method), or remove it from @Use.");
            }
        }
    }
}
