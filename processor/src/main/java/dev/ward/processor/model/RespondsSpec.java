package dev.ward.processor.model;

import dev.ward.processor.Annotations;
import dev.ward.processor.Names;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * One {@code @Responds} of a route, as written.
 *
 * @param body the declared body type; {@code void} when none is named, null when javac could not resolve it
 */
public record RespondsSpec(AnnotationMirror annotation, int status, TypeMirror body, String description) {

    /** Whether the annotation names a body type. */
    public boolean hasBody() {
        return body != null && body.getKind() != TypeKind.VOID;
    }

    /**
     * Every {@code @Responds} of a route method in source order, repeated ones from their container. Read on demand
     * rather than kept in {@link Route}: only the document and its two rules need it.
     */
    public static List<RespondsSpec> of(ExecutableElement method, Annotations annotations) {
        List<RespondsSpec> specs = new ArrayList<>();
        for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
            String name = Annotations.nameOf(mirror);
            if (name.equals(Names.RESPONDS)) {
                specs.add(read(mirror, annotations));
            } else if (name.equals(Names.RESPONDS_LIST)
                    && annotations.value(mirror, "value").getValue() instanceof List<?> repeated) {
                for (Object each : repeated) {
                    specs.add(read((AnnotationMirror) ((AnnotationValue) each).getValue(), annotations));
                }
            }
        }
        return specs;
    }

    private static RespondsSpec read(AnnotationMirror mirror, Annotations annotations) {
        Object body = annotations.value(mirror, "body").getValue();
        return new RespondsSpec(mirror, (int) annotations.number(mirror, "status"),
                body instanceof TypeMirror type ? type : null, annotations.string(mirror, "description"));
    }
}
