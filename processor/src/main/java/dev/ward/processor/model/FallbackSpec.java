package dev.ward.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.type.TypeMirror;

/** A route's {@code @Fallback}, as written: the method's name and the failure classes it applies and skips on. */
public record FallbackSpec(AnnotationMirror annotation, String method, List<TypeMirror> applyOn,
                           List<TypeMirror> skipOn) {
}
