package dev.ward.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.type.TypeMirror;

/**
 * A route's {@code @Retry}, as written.
 *
 * @param unit     a {@code java.time.temporal.ChronoUnit} constant name, of {@code delay} and {@code maxDelay}
 * @param retryOn  the failure classes retried, as declared types
 * @param abortOn  the failure classes never retried
 */
public record RetrySpec(AnnotationMirror annotation, long maxAttempts, long delay, long maxDelay, String unit,
                        double jitter, List<TypeMirror> retryOn, List<TypeMirror> abortOn) {
}
