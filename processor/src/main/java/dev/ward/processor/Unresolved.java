package dev.ward.processor;

import dev.ward.processor.model.ContextValueType;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.MiddlewareClass;
import dev.ward.processor.model.Route;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;

/**
 * Whether what Ward reads names a type javac could not resolve: one another processor may generate in a later
 * round (Ward waits for it), or one that does not exist (javac reports it; Ward adds nothing on top).
 */
final class Unresolved {
    private Unresolved() {
    }

    /** The class's routes, and the middleware, fallbacks and compensations they call. */
    static boolean in(HandlerClass handlerClass) {
        List<ExecutableElement> methods = new ArrayList<>();
        for (Route route : handlerClass.routes()) {
            methods.add(route.method());
            route.uses().forEach(use -> methods.addAll(use.middleware().publicMethods()));
            route.fallbacks().forEach(fallback -> methods.addAll(fallback.candidates()));
            route.compensable().ifPresent(spec -> methods.addAll(spec.candidates()));
        }
        return methods.stream().anyMatch(Unresolved::in);
    }

    static boolean in(MiddlewareClass middleware) {
        return middleware.publicMethods().stream().anyMatch(Unresolved::in);
    }

    static boolean in(ContextValueType value) {
        return ElementFilter.fieldsIn(value.type().getEnclosedElements()).stream().anyMatch(f -> in(f.asType()));
    }

    private static boolean in(ExecutableElement method) {
        return in(method.getReturnType())
                || method.getParameters().stream().map(VariableElement::asType).anyMatch(Unresolved::in)
                || method.getThrownTypes().stream().anyMatch(Unresolved::in);
    }

    private static boolean in(TypeMirror type) {
        return switch (type.getKind()) {
            case ERROR -> true;
            case DECLARED -> ((DeclaredType) type).getTypeArguments().stream().anyMatch(Unresolved::in);
            case ARRAY -> in(((ArrayType) type).getComponentType());
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                yield wildcard.getExtendsBound() != null && in(wildcard.getExtendsBound())
                        || wildcard.getSuperBound() != null && in(wildcard.getSuperBound());
            }
            default -> false;
        };
    }
}
