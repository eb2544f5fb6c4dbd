package dev.ward.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * A {@code @Timeout} as it applies to a route: declared on the method, or inherited from the class.
 *
 * @param declaredOn the method or class that carries the annotation, where errors about it are reported
 * @param unit       a {@code java.time.temporal.ChronoUnit} constant name
 * @param fallback   the fallback method's name, empty for a plain 503
 */
public record TimeoutSpec(Element declaredOn, AnnotationMirror annotation, long value, String unit, String fallback) {
}
