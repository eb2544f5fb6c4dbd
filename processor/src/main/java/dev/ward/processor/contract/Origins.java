package dev.ward.processor.contract;

import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Element;

/**
 * Where each part of the document comes from in this compilation, so that a breaking change is reported on the
 * element at fault: an operation on its method, a parameter on the method's parameter, a schema on its type and a
 * property on its record component or field. Parts taken over from an earlier compilation have no origin.
 */
final class Origins {
    private final Map<String, Element> elements = new HashMap<>();

    static String operation(String method, String template) {
        return method.toUpperCase(java.util.Locale.ROOT) + " " + template;
    }

    void operation(String operation, Element method) {
        elements.put(operation, method);
    }

    void parameter(String operation, String in, String name, Element parameter) {
        elements.put(operation + " " + in + " " + name, parameter);
    }

    void schema(String name, Element type) {
        elements.put(Schemas.REF_PREFIX + name, type);
    }

    void property(String schema, String property, Element member) {
        elements.put(Schemas.REF_PREFIX + schema + "/" + property, member);
    }

    Element operation(String operation) {
        return elements.get(operation);
    }

    Element parameter(String operation, String in, String name) {
        return elements.get(operation + " " + in + " " + name);
    }

    Element schema(String name) {
        return elements.get(Schemas.REF_PREFIX + name);
    }

    Element property(String schema, String property) {
        return elements.get(Schemas.REF_PREFIX + schema + "/" + property);
    }
}
