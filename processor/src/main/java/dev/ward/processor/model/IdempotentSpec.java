package dev.ward.processor.model;

import javax.lang.model.element.AnnotationMirror;

/** A route's {@code @Idempotent} and the reason it gives. */
public record IdempotentSpec(AnnotationMirror annotation, String reason) {
}
