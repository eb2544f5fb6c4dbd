package dev.ward.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * A class named in {@code @Use}, read as a middleware.
 *
 * @param annotated       whether it carries {@code @Middleware}
 * @param publicMethods   its public instance methods; a middleware has exactly one
 * @param params          that one method's parameters, empty otherwise
 * @param produces        the {@code @ContextValue} type it returns, or null for {@code void} (or when it has no
 *                        single method, or returns something else: see {@code returnsOther})
 */
public record MiddlewareClass(TypeElement type, boolean annotated, List<ExecutableElement> publicMethods,
                              List<Param> params, TypeMirror produces, boolean returnsOther) {

    public ExecutableElement method() {
        return publicMethods.size() == 1 ? publicMethods.get(0) : null;
    }

    public boolean isWellFormed() {
        return annotated && method() != null && !returnsOther;
    }
}
