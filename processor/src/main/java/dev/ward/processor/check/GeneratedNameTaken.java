package dev.ward.processor.check;

import com.palantir.javapoet.ClassName;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.ContextValueType;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.WardModel;
import dev.ward.processor.write.ContextKeyWriter;
import dev.ward.processor.write.RoutesWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
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
        // Both names are top-level classes in the package of the class they are named after. Listing a package's
        // classes once is far cheaper than a failed getTypeElement per class, which javac pays for with a
        // completion failure each time.
        Map<PackageElement, Set<String>> taken = new HashMap<>();
        for (HandlerClass handlerClass : model.classes()) {
            if (!handlerClass.routes().isEmpty()) {
                check(handlerClass.element(), RoutesWriter.routesClassName(handlerClass.element()), "routes",
                        taken, diagnostics);
            }
        }
        for (ContextValueType value : model.contextValues()) {
            check(value.type(), ContextKeyWriter.keyClassName(value.type()), "context key", taken, diagnostics);
        }
    }

    private void check(TypeElement type, ClassName generated, String what, Map<PackageElement, Set<String>> taken,
                       Diagnostics diagnostics) {
        Set<String> names = taken.computeIfAbsent(elements.getPackageOf(type), GeneratedNameTaken::typeNames);
        if (names.contains(generated.simpleName())) {
            diagnostics.error(id(), type, "Ward generates the " + what + " class of " + type.getSimpleName()
                            + " as " + generated.canonicalName() + ", but a class of that name already exists",
                    "rename your " + generated.simpleName() + ", or " + type.getSimpleName() + ".");
        }
    }

    /** The simple names of a package's top-level types: its sources' and those on the class path. */
    private static Set<String> typeNames(PackageElement pkg) {
        Set<String> names = new HashSet<>();
        for (Element member : pkg.getEnclosedElements()) {
            names.add(member.getSimpleName().toString());
        }
        return names;
    }
}
