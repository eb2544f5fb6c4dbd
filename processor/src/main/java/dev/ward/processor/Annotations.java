package dev.ward.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/** Reading annotation mirrors by qualified name, so the processor needs none of the annotation classes. */
public final class Annotations {
    private final Elements elements;

    public Annotations(Elements elements) {
        this.elements = elements;
    }

    public Optional<AnnotationMirror> find(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (nameOf(mirror).equals(qualifiedName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    public List<AnnotationMirror> findAll(Element element, List<String> qualifiedNames) {
        List<AnnotationMirror> found = new ArrayList<>();
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (qualifiedNames.contains(nameOf(mirror))) {
                found.add(mirror);
            }
        }
        return found;
    }

    public static String nameOf(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }

    /** The value of an annotation member, defaults included. */
    public AnnotationValue value(AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The value as written in source, for pointing an error at it; null when the member took its default. */
    public static AnnotationValue explicitValue(AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return entry.getValue();
            }
        }
        return null;
    }

    public String string(AnnotationMirror mirror, String member) {
        AnnotationValue value = value(mirror, member);
        return value == null || !(value.getValue() instanceof String s) ? "" : s;
    }

    public long number(AnnotationMirror mirror, String member) {
        AnnotationValue value = value(mirror, member);
        return value != null && value.getValue() instanceof Number n ? n.longValue() : 0;
    }

    /** A {@code double} member's value; NaN when it cannot be read. */
    public double decimal(AnnotationMirror mirror, String member) {
        AnnotationValue value = value(mirror, member);
        return value != null && value.getValue() instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A {@code Class[]} member's classes, as declared types; a class javac cannot resolve is left out. */
    public List<TypeMirror> types(AnnotationMirror mirror, String member) {
        AnnotationValue value = value(mirror, member);
        List<TypeMirror> types = new ArrayList<>();
        if (value != null && value.getValue() instanceof List<?> literals) {
            for (Object literal : literals) {
                if (((AnnotationValue) literal).getValue() instanceof DeclaredType type) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    /** An enum member's constant name, e.g. {@code MILLIS}. */
    public String enumConstant(AnnotationMirror mirror, String member) {
        AnnotationValue value = value(mirror, member);
        return value != null && value.getValue() instanceof VariableElement constant
                ? constant.getSimpleName().toString() : "";
    }
}
