package dev.ward.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** A {@code @NonBlocking} as it applies to a route: on the method, or inherited from its class. */
public record NonBlockingSpec(Element declaredOn, AnnotationMirror annotation) {
}
