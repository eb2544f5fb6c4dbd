package dev.ward.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** A class annotated {@code @ContextValue}. */
public record ContextValueType(TypeElement type, AnnotationMirror annotation) {
}
