package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.TimeoutSpec;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Types;

/**
 * The fallback is called with the route's own arguments: it needs the same parameter types in the same order,
 * and it must be callable (not private, not static) from the generated class.
 */
final class FallbackSignature extends FallbackRule.OfTheMethod {
    private final Types types;

    FallbackSignature(Types types) {
        super("Ward/FallbackSignature");
        this.types = types;
    }

    @Override
    void check(Route route, TimeoutSpec timeout, ExecutableElement fallback, Diagnostics diagnostics) {
        if (fallback.getModifiers().contains(Modifier.PRIVATE) || fallback.getModifiers().contains(Modifier.STATIC)) {
            report(diagnostics, timeout, "fallback " + timeout.fallback() + " is "
                            + (fallback.getModifiers().contains(Modifier.PRIVATE) ? "private" : "static")
                            + "; the generated class calls it on the handler instance",
                    "make " + timeout.fallback() + " a non-private instance method.");
            return;
        }
        if (!sameParameters(route.method().getParameters(), fallback.getParameters())) {
            report(diagnostics, timeout, "fallback " + timeout.fallback() + signature(fallback)
                            + " cannot be called with the arguments of " + route.methodName() + signature(route.method()),
                    "declare " + timeout.fallback() + signature(route.method()) + ": same types, same order.");
        }
    }

    private boolean sameParameters(List<? extends VariableElement> route, List<? extends VariableElement> fallback) {
        if (route.size() != fallback.size()) {
            return false;
        }
        for (int i = 0; i < route.size(); i++) {
            if (!types.isSameType(route.get(i).asType(), fallback.get(i).asType())) {
                return false;
            }
        }
        return true;
    }

    static String signature(ExecutableElement method) {
        return method.getParameters().stream().map(p -> p.asType().toString())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
