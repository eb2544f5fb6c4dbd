package dev.ward.processor.check;

import dev.ward.processor.ElementNames;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.MiddlewareUse;
import dev.ward.processor.model.Route;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/** The generated Routes class, in the handler's package, takes and calls the middleware: it must see it. */
final class UseNotAccessible extends RouteRule {
    private final Set<String> reported = new HashSet<>();

    UseNotAccessible() {
        super("Ward/UseNotAccessible");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        for (MiddlewareUse use : route.uses()) {
            if (use.middleware().method() == null) {
                continue;
            }
            boolean samePackage = ElementNames.packageOf(use.middleware().type()).equals(ElementNames.packageOf(handlerClass.element()));
            boolean visible = use.middleware().type().getModifiers().contains(Modifier.PUBLIC)
                    && use.middleware().method().getModifiers().contains(Modifier.PUBLIC);
            String name = use.middleware().type().getSimpleName().toString();
            if (!samePackage && !visible && reported.add(use.declaredOn() + "/" + name)) {
                diagnostics.error(id(), use.declaredOn(), use.use(), null,
                        name + " is not public, and " + handlerClass.element().getSimpleName()
                                + "'s generated Routes class in another package could not use it",
                        "make " + name + " public.");
            }
        }
    }
}
