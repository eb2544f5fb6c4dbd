package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.MiddlewareClass;
import dev.ward.processor.model.WardModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/**
 * One handler or middleware instance serves every request thread at once. A non-final field (instance, or
 * static) is an error: it is a data race waiting for load. A final field of a well-known non-thread-safe type is
 * a warning ({@code Ward/NonThreadSafeField}): final stops reassignment, not concurrent mutation.
 */
final class SharedMutableState implements Rule {
    static final String WARNING_ID = "Ward/NonThreadSafeField";
    private static final Set<String> NOT_THREAD_SAFE = Set.of("java.util.HashMap", "java.util.ArrayList",
            "java.util.LinkedHashMap", "java.util.HashSet", "java.util.LinkedList", "java.util.TreeMap",
            "java.text.SimpleDateFormat", "java.lang.StringBuilder");

    @Override
    public String id() {
        return "Ward/SharedMutableState";
    }

    @Override
    public void check(WardModel model, Diagnostics diagnostics) {
        List<TypeElement> shared = new ArrayList<>();
        model.classes().stream().filter(c -> !c.routes().isEmpty()).map(HandlerClass::element).forEach(shared::add);
        model.middlewares().stream().map(MiddlewareClass::type).forEach(shared::add);
        for (TypeElement type : shared) {
            for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
                String name = type.getSimpleName() + "." + field.getSimpleName();
                if (!field.getModifiers().contains(Modifier.FINAL)) {
                    diagnostics.error(id(), field, name + " is not final, and one " + type.getSimpleName()
                                    + " serves every request thread at once: writes to it race",
                            "make it final and thread-safe (an AtomicLong, a ConcurrentHashMap), or keep the state "
                                    + "in a local variable.");
                } else if (field.asType().getKind() == TypeKind.DECLARED && NOT_THREAD_SAFE.contains(
                        ((TypeElement) ((DeclaredType) field.asType()).asElement()).getQualifiedName().toString())) {
                    diagnostics.warning(WARNING_ID, field, null, name + " is a "
                                    + ((DeclaredType) field.asType()).asElement().getSimpleName()
                                    + ", which is not thread-safe, in an instance every request thread shares",
                            "use a concurrent type (ConcurrentHashMap, CopyOnWriteArrayList, DateTimeFormatter), "
                                    + "or make it immutable (Map.of, List.copyOf).");
                }
            }
        }
    }
}
