package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.CompensableSpec;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.MiddlewareClass;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.WardModel;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Every method generated code calls (route, fallback, compensation, middleware) throws at most {@code Exception}:
 * the runtime's contracts it is called from ({@code RouteHandler.handle}, the fallback's {@code Callable},
 * {@code Compensation.compensate}) declare {@code throws Exception}. Generating a wrapper instead would change
 * the exception that {@code @Recover}, logs and compensations see; a {@code Throwable} that is neither an
 * {@code Exception} nor an {@code Error} is almost always a mistake, so Ward asks for the narrower clause.
 */
final class ThrowsThrowable implements Rule {
    private final Types types;
    private final Elements elements;

    ThrowsThrowable(Types types, Elements elements) {
        this.types = types;
        this.elements = elements;
    }

    @Override
    public String id() {
        return "Ward/ThrowsThrowable";
    }

    @Override
    public void check(WardModel model, Diagnostics diagnostics) {
        // A fallback or compensation shared by several routes is reported once.
        Set<ExecutableElement> called = new LinkedHashSet<>();
        for (HandlerClass handlerClass : model.classes()) {
            for (Route route : handlerClass.routes()) {
                called.add(route.method());
                called.addAll(route.fallbackMethods());
                route.compensable().map(CompensableSpec::method).ifPresent(called::add);
            }
        }
        for (MiddlewareClass middleware : model.middlewares()) {
            if (middleware.method() != null) {
                called.add(middleware.method());
            }
        }
        TypeMirror exception = elements.getTypeElement("java.lang.Exception").asType();
        TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
        for (ExecutableElement method : called) {
            for (TypeMirror thrown : method.getThrownTypes()) {
                if (!types.isAssignable(thrown, exception) && !types.isAssignable(thrown, error)) {
                    diagnostics.error(id(), method, method.getEnclosingElement().getSimpleName() + "."
                                    + method.getSimpleName() + "() declares throws " + thrown + ", but generated code "
                                    + "calls it where only an Exception may be thrown",
                            "declare the exceptions " + method.getSimpleName() + " really throws (Exception at "
                                    + "most), and wrap any other Throwable in one.");
                }
            }
        }
    }
}
