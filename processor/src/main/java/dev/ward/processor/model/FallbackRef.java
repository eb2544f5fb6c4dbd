package dev.ward.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A fallback a route names, by {@code @Timeout(fallback = "x")} or {@code @Fallback(method = "x")}: the rules about
 * fallback methods judge both alike.
 *
 * @param declaredOn the method or class carrying the annotation, where errors about it are reported
 * @param member     the annotation member that names the method, where errors point
 * @param onFailure  whether it is {@code @Fallback}'s, which may take the failure as a last parameter
 * @param failures   {@code @Fallback}'s {@code applyOn}: the failures it may receive; empty for a timeout's
 * @param candidates the methods of the route's class with that name
 */
public record FallbackRef(Element declaredOn, AnnotationMirror annotation, String member, String name,
                          boolean onFailure, List<TypeMirror> failures, List<ExecutableElement> candidates) {
}
