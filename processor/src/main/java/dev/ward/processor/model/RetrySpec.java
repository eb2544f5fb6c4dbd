package dev.ward.processor.model;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.time.temporal.UnsupportedTemporalTypeException;
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
    /**
     * {@code amount} of {@link #unit()} in nanoseconds, as the runtime counts a wait.
     *
     * @throws UnsupportedTemporalTypeException for a unit of estimated length (WEEKS and up)
     * @throws ArithmeticException              past what a long of nanoseconds holds
     */
    public long nanos(long amount) {
        return Duration.of(amount, ChronoUnit.valueOf(unit)).toNanos();
    }
}
