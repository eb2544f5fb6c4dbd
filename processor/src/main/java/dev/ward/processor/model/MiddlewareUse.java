package dev.ward.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** One middleware in a route's chain, and the {@code @Use} (on the route or its class) that put it there. */
public record MiddlewareUse(Element declaredOn, AnnotationMirror use, MiddlewareClass middleware) {
}
