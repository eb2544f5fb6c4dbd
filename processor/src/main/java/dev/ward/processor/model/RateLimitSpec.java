package dev.ward.processor.model;

import javax.lang.model.element.AnnotationMirror;

/** A route's {@code @RateLimit}; {@code keyHeader} is empty for one bucket for the route. */
public record RateLimitSpec(AnnotationMirror annotation, long permits, long per, long burst, String keyHeader,
                            long maxKeys) {
}
