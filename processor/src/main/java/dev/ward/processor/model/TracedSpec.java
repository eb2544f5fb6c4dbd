package dev.ward.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** A {@code @Traced} as it applies to a route: on the method, or inherited from its class; empty name = default. */
public record TracedSpec(Element declaredOn, AnnotationMirror annotation, String name) {
}
