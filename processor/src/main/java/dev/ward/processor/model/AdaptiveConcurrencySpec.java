package dev.ward.processor.model;

import javax.lang.model.element.AnnotationMirror;

/** A route's {@code @AdaptiveConcurrency}. */
public record AdaptiveConcurrencySpec(AnnotationMirror annotation, long initial, long min, long max) {
}
