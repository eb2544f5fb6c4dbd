package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.TimeoutSpec;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** The fallback names no method of the handler class (one inherited from a superclass does not count). */
final class FallbackNotFound extends FallbackRule {
    FallbackNotFound() {
        super("Ward/FallbackNotFound");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, TimeoutSpec timeout, List<ExecutableElement> candidates,
               Diagnostics diagnostics) {
        if (!candidates.isEmpty()) {
            return;
        }
        TypeElement type = handlerClass.element();
        String owner = superclassDeclaring(type, timeout.fallback());
        if (owner != null) {
            report(diagnostics, timeout, "fallback '" + timeout.fallback() + "' is declared in " + owner
                    + ", not in " + type.getSimpleName() + "; a fallback must be in the same class as its route",
                    "declare " + timeout.fallback() + " in " + type.getSimpleName() + " (it may delegate to the inherited one).");
            return;
        }
        Set<String> names = new TreeSet<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            names.add(method.getSimpleName().toString());
        }
        report(diagnostics, timeout, "fallback '" + timeout.fallback() + "' names no method of "
                        + type.getSimpleName() + Similar.didYouMean(timeout.fallback(), names),
                "declare a method " + timeout.fallback() + " with the same parameters as " + route.methodName()
                        + ", or correct the name.");
    }

    private static String superclassDeclaring(TypeElement type, String name) {
        TypeMirror parent = type.getSuperclass();
        while (parent.getKind() == TypeKind.DECLARED) {
            Element element = ((DeclaredType) parent).asElement();
            for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
                if (method.getSimpleName().contentEquals(name)) {
                    return element.getSimpleName().toString();
                }
            }
            parent = ((TypeElement) element).getSuperclass();
        }
        return null;
    }
}
