package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.FallbackRef;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The fallback is called with the route's own arguments: it needs the same parameter types in the same order,
 * and it must be callable (not private, not static) from the generated class. A {@code @Fallback} may take one
 * more, last parameter, the failure: of a type that holds every class it applies on.
 */
final class FallbackSignature extends FallbackRule.OfTheMethod {
    private final Types types;

    FallbackSignature(Types types) {
        super("Ward/FallbackSignature");
        this.types = types;
    }

    @Override
    void check(Route route, FallbackRef named, ExecutableElement fallback, Diagnostics diagnostics) {
        if (fallback.getModifiers().contains(Modifier.PRIVATE) || fallback.getModifiers().contains(Modifier.STATIC)) {
            report(diagnostics, named, "fallback " + named.name() + " is "
                            + (fallback.getModifiers().contains(Modifier.PRIVATE) ? "private" : "static")
                            + "; the generated class calls it on the handler instance",
                    "make " + named.name() + " a non-private instance method.");
            return;
        }
        List<? extends VariableElement> parameters = fallback.getParameters();
        int routeArity = route.method().getParameters().size();
        if (named.onFailure() && parameters.size() == routeArity + 1
                && sameParameters(route.method().getParameters(), parameters.subList(0, routeArity))) {
            TypeMirror failure = parameters.get(routeArity).asType();
            named.failures().stream().filter(applied -> !types.isAssignable(applied, failure)).findFirst()
                    .ifPresent(applied -> report(diagnostics, named, "fallback " + named.name() + " takes the "
                                    + "failure as " + failure + ", which cannot hold a " + applied + " it applies on",
                            "take the failure as " + failureType(named) + ", or narrow applyOn."));
            return;
        }
        if (!sameParameters(route.method().getParameters(), parameters)) {
            String expected = signature(route.method());
            report(diagnostics, named, "fallback " + named.name() + signature(fallback)
                            + " cannot be called with the arguments of " + route.methodName() + expected
                            + (named.onFailure() ? " (and, last, the failure)" : ""),
                    "declare " + named.name() + expected + ": same types, same order" + (named.onFailure()
                            ? "; or " + named.name() + expected.substring(0, expected.length() - 1)
                            + (routeArity == 0 ? "" : ", ") + failureType(named) + ") to receive the failure."
                            : "."));
        }
    }

    /** A type every class the fallback applies on is: the one class, or Exception, else Throwable. */
    private String failureType(FallbackRef named) {
        if (named.failures().size() == 1) {
            return named.failures().get(0).toString();
        }
        return named.failures().stream().allMatch(this::isException) ? "java.lang.Exception" : "java.lang.Throwable";
    }

    private boolean isException(TypeMirror type) {
        for (TypeMirror current = type; ; ) {
            if (current.toString().equals("java.lang.Exception")) {
                return true;
            }
            List<? extends TypeMirror> supertypes = types.directSupertypes(current);
            if (supertypes.isEmpty()) {
                return false;
            }
            current = supertypes.get(0);
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
