package dev.ward.processor.model;

import dev.ward.processor.Annotations;
import dev.ward.processor.Names;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One handler parameter as written.
 *
 * @param bindings  every binding annotation on it (more than one is an error the checks report)
 * @param name      the annotation's value ({@code "id"} for {@code @PathParam("id")}), null when it has none
 * @param valueType the converted type; for {@code Optional<T>} the type of {@code T}
 * @param optional  whether the declared type is {@code Optional<...>}
 * @param valueMirror the type converted to ({@code T} of an {@code Optional<T>}), for enums' names
 */
public record Param(VariableElement element, Binding binding, List<AnnotationMirror> bindings, String name,
                    ValueType valueType, boolean optional, TypeMirror valueMirror) {

    public AnnotationMirror bindingAnnotation() {
        return bindings.isEmpty() ? null : bindings.get(0);
    }

    /** The {@code defaultValue} written on a {@code @QueryParam} or {@code @Header}; null when it has none. */
    public String defaultValue() {
        AnnotationValue value = defaultValueAnnotationValue();
        return value == null || Names.NO_DEFAULT.equals(value.getValue()) ? null : (String) value.getValue();
    }

    /** The {@code defaultValue} as written, for pointing an error at it; null when not written. */
    public AnnotationValue defaultValueAnnotationValue() {
        return bindings.isEmpty() ? null : Annotations.explicitValue(bindingAnnotation(), "defaultValue");
    }

    public String javaName() {
        return element.getSimpleName().toString();
    }
}
