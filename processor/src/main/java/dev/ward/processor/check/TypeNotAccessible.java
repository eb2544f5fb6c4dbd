package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.ElementNames;
import dev.ward.processor.Names;
import dev.ward.processor.model.ContextValueType;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.MiddlewareUse;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.WardModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Generated code names the types of what it binds and passes along: the routes class (in the handler's package)
 * names parameter, compensation and middleware types and the context values middleware produces; a value's
 * key class (in the value's package) names the value. Each must be accessible from there: a private nested
 * enum, or a package-private value of another package, compiles in the user's code and not in the generated.
 */
final class TypeNotAccessible implements Rule {
    @Override
    public String id() {
        return "Ward/TypeNotAccessible";
    }

    @Override
    public void check(WardModel model, Diagnostics diagnostics) {
        for (ContextValueType value : model.contextValues()) {
            TypeElement blocking = blocking(value.type(), ElementNames.packageOf(value.type()));
            if (blocking != null) {
                diagnostics.error(id(), value.type(), value.annotation(), null, "@ContextValue "
                                + value.type().getSimpleName() + " " + why(blocking) + ", so its generated key class "
                                + "cannot name it", fix(blocking, value.type()));
            }
        }
        for (HandlerClass handlerClass : model.classes()) {
            String routesPackage = ElementNames.packageOf(handlerClass.element());
            for (Route route : handlerClass.routes()) {
                List<Param> params = new ArrayList<>(route.params());
                route.compensable().ifPresent(spec -> params.addAll(spec.params()));
                for (Param param : params) {
                    TypeElement blocking = blockingOutsideValue(param.element().asType(), routesPackage);
                    if (blocking != null) {
                        diagnostics.error(id(), param.element(), "parameter " + param.javaName() + " has type "
                                + param.element().asType() + ", but " + why(blocking) + ", so the generated "
                                + "routes class cannot name it", fix(blocking, handlerClass.element()));
                    }
                }
                TypeElement blockingResult = route.returns().isData()
                        ? blocking(route.returns().data(), routesPackage) : null;
                if (blockingResult != null) {
                    diagnostics.error(id(), route.method(), route.routeAnnotation(), null, route.methodName()
                            + " returns " + route.returns().type() + ", but " + why(blockingResult) + ", so the "
                            + "generated routes class cannot name it", fix(blockingResult, handlerClass.element()));
                }
                for (MiddlewareUse use : route.uses()) {
                    checkMiddleware(use, routesPackage, handlerClass, diagnostics);
                }
            }
        }
    }

    private void checkMiddleware(MiddlewareUse use, String routesPackage, HandlerClass handlerClass,
                                 Diagnostics diagnostics) {
        List<TypeMirror> passed = new ArrayList<>();
        use.middleware().params().forEach(param -> passed.add(param.element().asType()));
        if (use.middleware().produces() != null) {
            passed.add(use.middleware().produces());
        }
        for (TypeMirror type : passed) {
            TypeElement blocking = blockingOutsideValue(type, routesPackage);
            if (blocking != null) {
                diagnostics.error(id(), use.declaredOn(), use.use(), null, "middleware "
                                + use.middleware().type().getSimpleName() + " passes a " + type + ", but "
                                + why(blocking) + ", so the generated routes class of "
                                + handlerClass.element().getSimpleName() + " cannot name it",
                        fix(blocking, handlerClass.element()));
            }
        }
    }

    /**
     * The type that keeps {@code type} from being named in {@code packageName}, or null; null too for a context
     * value that its own package cannot name, which is reported once, on the value.
     */
    private static TypeElement blockingOutsideValue(TypeMirror type, String packageName) {
        if (type instanceof DeclaredType declared && declared.asElement().getAnnotationMirrors().stream()
                .anyMatch(mirror -> Annotations.nameOf(mirror).equals(Names.CONTEXT_VALUE))) {
            TypeElement value = (TypeElement) declared.asElement();
            if (blocking(value, ElementNames.packageOf(value)) != null) {
                return null;
            }
        }
        return blocking(type, packageName);
    }

    private static TypeElement blocking(TypeMirror type, String packageName) {
        if (type instanceof ArrayType array) {
            return blocking(array.getComponentType(), packageName);
        }
        if (!(type instanceof DeclaredType declared)) {
            return null;
        }
        TypeElement blocking = blocking((TypeElement) declared.asElement(), packageName);
        for (TypeMirror argument : declared.getTypeArguments()) {
            blocking = blocking != null ? blocking : blocking(argument, packageName);
        }
        return blocking;
    }

    /** The type, of {@code type} and those it is nested in, that code in {@code packageName} cannot name. */
    private static TypeElement blocking(TypeElement type, String packageName) {
        for (Element current = type; current instanceof TypeElement nested; current = current.getEnclosingElement()) {
            boolean local = nested.getNestingKind() == NestingKind.LOCAL
                    || nested.getNestingKind() == NestingKind.ANONYMOUS;
            boolean otherPackage = !ElementNames.packageOf(nested).equals(packageName);
            if (local || nested.getModifiers().contains(Modifier.PRIVATE)
                    || otherPackage && !nested.getModifiers().contains(Modifier.PUBLIC)) {
                return nested;
            }
        }
        return null;
    }

    private static String why(TypeElement blocking) {
        if (blocking.getNestingKind() == NestingKind.LOCAL || blocking.getNestingKind() == NestingKind.ANONYMOUS) {
            return blocking.getSimpleName() + " is a local class";
        }
        return blocking.getQualifiedName() + " is " + (blocking.getModifiers().contains(Modifier.PRIVATE) ? "private"
                : blocking.getModifiers().contains(Modifier.PROTECTED) ? "protected" : "package-private")
                + (blocking.getModifiers().contains(Modifier.PRIVATE) ? ""
                : " in " + ElementNames.packageOf(blocking));
    }

    private static String fix(TypeElement blocking, TypeElement user) {
        if (blocking.getNestingKind() == NestingKind.LOCAL || blocking.getNestingKind() == NestingKind.ANONYMOUS) {
            return "declare " + blocking.getSimpleName() + " as a top-level or static nested type.";
        }
        return ElementNames.packageOf(blocking).equals(ElementNames.packageOf(user))
                ? "make " + blocking.getSimpleName() + " package-private or public."
                : "make " + blocking.getSimpleName() + " public.";
    }
}
