package dev.ward.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;

/**
 * A route's {@code @Compensable}, with the methods of its class that carry the compensation's name.
 *
 * @param candidates the methods named {@code compensate} in the handler class; a valid one has exactly one
 * @param params     the parameters of the single candidate, read like a handler's; empty otherwise
 */
public record CompensableSpec(AnnotationMirror annotation, String compensate, long maxAttempts, long backoffMillis,
                              List<ExecutableElement> candidates, List<Param> params) {

    public ExecutableElement method() {
        return candidates.size() == 1 ? candidates.get(0) : null;
    }
}
