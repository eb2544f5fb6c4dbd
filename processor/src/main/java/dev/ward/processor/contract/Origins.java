package dev.ward.processor.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Where each part of the document comes from in this compilation, so that a breaking change is reported on the
 * element at fault: an operation on its method, a parameter on the method's parameter, a schema on its type and a
 * property on its record component or field. Parts taken over from an earlier compilation have no origin.
 *
 * <p>Kept as names, found again when reporting: javac enters the sources anew each round, and an element of an
 * earlier round no longer leads to its source position in the last one.
 */
final class Origins {
    /**
     * @param type      the qualified name of the class
     * @param member    a method's name, or a record component's or field's; null for the class itself
     * @param signature a method's parameter types; null for a component or field
     * @param parameter the index of a method's parameter, or -1
     */
    private record Origin(String type, String member, List<String> signature, int parameter) {
    }

    private final Map<String, Origin> origins = new HashMap<>();

    static String operation(String method, String template) {
        return method.toUpperCase(Locale.ROOT) + " " + template;
    }

    void operation(String operation, ExecutableElement method) {
        origins.put(operation, of(method, -1));
    }

    void parameter(String operation, String in, String name, VariableElement parameter) {
        ExecutableElement method = (ExecutableElement) parameter.getEnclosingElement();
        origins.put(operation + " " + in + " " + name, of(method, method.getParameters().indexOf(parameter)));
    }

    void schema(String name, TypeElement type) {
        origins.put(Schemas.REF_PREFIX + name, new Origin(type.getQualifiedName().toString(), null, null, -1));
    }

    void property(String schema, String property, Element member) {
        origins.put(Schemas.REF_PREFIX + schema + "/" + property, new Origin(((TypeElement) member
                .getEnclosingElement()).getQualifiedName().toString(), member.getSimpleName().toString(), null, -1));
    }

    Element operation(String operation, Elements elements) {
        return find(origins.get(operation), elements);
    }

    Element parameter(String operation, String in, String name, Elements elements) {
        return find(origins.get(operation + " " + in + " " + name), elements);
    }

    Element schema(String name, Elements elements) {
        return find(origins.get(Schemas.REF_PREFIX + name), elements);
    }

    Element property(String schema, String property, Elements elements) {
        return find(origins.get(Schemas.REF_PREFIX + schema + "/" + property), elements);
    }

    private static Origin of(ExecutableElement method, int parameter) {
        return new Origin(((TypeElement) method.getEnclosingElement()).getQualifiedName().toString(),
                method.getSimpleName().toString(), signature(method), parameter);
    }

    private static List<String> signature(ExecutableElement method) {
        return method.getParameters().stream().map(parameter -> parameter.asType().toString()).toList();
    }

    /**
     * The element of this round, or null. For a record component, its field: javac finds the source position of the
     * field (declared by the component) but not of the component element itself.
     */
    private static Element find(Origin origin, Elements elements) {
        TypeElement type = origin == null ? null : elements.getTypeElement(origin.type());
        if (type == null || origin.member() == null) {
            return type;
        }
        if (origin.signature() == null) {
            return ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
                    .filter(member -> member.getSimpleName().contentEquals(origin.member())).findFirst().<Element>map(field -> field).orElse(type);
        }
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (method.getSimpleName().contentEquals(origin.member()) && signature(method).equals(origin.signature())) {
                return origin.parameter() < 0 ? method : method.getParameters().get(origin.parameter());
            }
        }
        return type;
    }
}
