package dev.ward.processor.check;

import com.palantir.javapoet.ClassName;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.ContextValueType;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.WardModel;
import dev.ward.processor.write.ContextKeyWriter;
import dev.ward.processor.write.RoutesWriter;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Ward names what it generates after the user's class: {@code OrdersRoutes} for {@code Orders}, {@code TenantKey}
 * for {@code Tenant}. A class of the user's with that name would be written over, which javac's filer refuses.
 */
final class GeneratedNameTaken implements Rule {
    private final Elements elements;

    GeneratedNameTaken(Elements elements) {
        this.elements = elements;
    }

    @Override
    public String id() {
        return "Ward/GeneratedNameTaken";
    }

    @Override
    public void check(WardModel model, Diagnostics diagnostics) {
        for (HandlerClass handlerClass : model.classes()) {
            if (!handlerClass.routes().isEmpty()) {
                check(handlerClass.element(), RoutesWriter.routesClassName(handlerClass.element()), "routes",
                        diagnostics);
            }
        }
        for (ContextValueType value : model.contextValues()) {
            check(value.type(), ContextKeyWriter.keyClassName(value.type()), "context key", diagnostics);
        }
    }

    private void check(TypeElement type, ClassName generated, String what, Diagnostics diagnostics) {
        if (elements.getTypeElement(generated.canonicalName()) != null) {
            diagnostics.error(id(), type, "Ward generates the " + what + " class of " + type.getSimpleName()
                            + " as " + generated.canonicalName() + ", but a class of that name already exists",
                    "rename your " + generated.simpleName() + ", or " + type.getSimpleName() + ".");
        }
    }
}
