package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.Names;
import dev.ward.processor.model.CompensableSpec;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;

/**
 * The compensation method returns {@code void} (nobody reads its result), is callable from the generated class,
 * and is neither a route nor itself {@code @Compensable}.
 */
final class CompensationShape extends CompensableRule {
    private final Annotations annotations;

    CompensationShape(Annotations annotations) {
        super("Ward/CompensationShape");
        this.annotations = annotations;
    }

    @Override
    void check(HandlerClass handlerClass, Route route, CompensableSpec spec, Diagnostics diagnostics) {
        ExecutableElement method = spec.method();
        if (method == null) {
            return;
        }
        String name = spec.compensate();
        if (method.getReturnType().getKind() != TypeKind.VOID) {
            report(diagnostics, route, spec, "compensate", "compensation " + name + " returns "
                    + method.getReturnType() + "; nobody reads a compensation's result", "make " + name + " void.");
        }
        if (method.getModifiers().contains(Modifier.PRIVATE) || method.getModifiers().contains(Modifier.STATIC)) {
            report(diagnostics, route, spec, "compensate", "compensation " + name + " is "
                            + (method.getModifiers().contains(Modifier.PRIVATE) ? "private" : "static")
                            + "; the generated class calls it on the handler instance",
                    "make " + name + " a non-private instance method.");
        }
        if (!annotations.findAll(method, Names.ROUTE_ANNOTATIONS).isEmpty()) {
            report(diagnostics, route, spec, "compensate", "compensation " + name + " is itself a route",
                    "write a separate, non-route method for the compensation.");
        }
        if (annotations.find(method, Names.COMPENSABLE).isPresent()) {
            report(diagnostics, route, spec, "compensate", "compensation " + name + " is itself @Compensable; a "
                    + "compensation is compensated by retries, not by another compensation",
                    "remove @Compensable from " + name + ".");
        }
    }
}
