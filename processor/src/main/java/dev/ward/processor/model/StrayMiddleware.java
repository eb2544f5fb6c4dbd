package dev.ward.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** A middleware annotation on a method that is not a route, or on a class without routes: it would do nothing. */
public record StrayMiddleware(Element element, AnnotationMirror annotation) {
}
