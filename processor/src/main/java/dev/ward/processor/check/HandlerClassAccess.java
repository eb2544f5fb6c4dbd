package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.MiddlewareClass;
import dev.ward.processor.model.WardModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * The generated Routes class sits beside the handler class and must be able to name it, and its middleware.
 * (Local and anonymous classes need no check: javac never shows their annotations to a processor.)
 */
final class HandlerClassAccess implements Rule {
    @Override
    public String id() {
        return "Ward/HandlerClassAccess";
    }

    @Override
    public void check(WardModel model, Diagnostics diagnostics) {
        List<TypeElement> generatedFor = new ArrayList<>();
        model.classes().stream().map(HandlerClass::element).forEach(generatedFor::add);
        model.middlewares().stream().map(MiddlewareClass::type).forEach(generatedFor::add);
        for (TypeElement type : generatedFor) {
            if (!type.getTypeParameters().isEmpty()) {
                diagnostics.error(id(), type, type.getSimpleName() + " declares type parameters <"
                        + type.getTypeParameters().stream().map(Object::toString)
                        .collect(Collectors.joining(", ")) + ">; the generated Routes class needs one concrete handler type",
                        "move the routes into a non-generic class (it may extend or delegate to this one).");
                continue;
            }
            for (Element current = type; current instanceof TypeElement nested; current = current.getEnclosingElement()) {
                if (nested.getModifiers().contains(Modifier.PRIVATE)) {
                    diagnostics.error(id(), type, type.getSimpleName() + " is used by generated code, but "
                            + nested.getSimpleName() + " is private, so the generated Routes class cannot use it",
                            "make " + nested.getSimpleName() + " package-private or public.");
                    break;
                }
                if (nested.getNestingKind() == NestingKind.MEMBER && !nested.getModifiers().contains(Modifier.STATIC)
                        && nested.getEnclosingElement() instanceof TypeElement) {
                    diagnostics.error(id(), type, type.getSimpleName() + " is an inner (non-static) class; the "
                            + "generated Routes class needs a type it can name on its own", "declare "
                            + nested.getSimpleName() + " static.");
                    break;
                }
            }
        }
    }
}
