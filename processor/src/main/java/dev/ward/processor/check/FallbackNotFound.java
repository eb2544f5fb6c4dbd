package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.FallbackRef;
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
    void check(HandlerClass handlerClass, Route route, FallbackRef named, List<ExecutableElement> candidates,
               Diagnostics diagnostics) {
        if (!candidates.isEmpty()) {
            return;
        }
        TypeElement type = handlerClass.element();
        String owner = superclassDeclaring(type, named.name());
        if (owner != null) {
            report(diagnostics, named, "fallback '" + named.name() + "' is declared in " + owner
                    + ", not in " + type.getSimpleName() + "; a fallback must be in the same class as its route",
                    "declare " + named.name() + " in " + type.getSimpleName() + " (it may delegate to the inherited one).");
            return;
        }
        Set<String> names = new TreeSet<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            names.add(method.getSimpleName().toString());
        }
        report(diagnostics, named, "fallback '" + named.name() + "' names no method of "
                        + type.getSimpleName() + Similar.didYouMean(named.name(), names),
                "declare a method " + named.name() + " with the same parameters as " + route.methodName()
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
