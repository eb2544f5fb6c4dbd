package dev.ward.processor.model;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.time.temporal.UnsupportedTemporalTypeException;
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
    /**
     * The deadline in nanoseconds, as the runtime counts it.
     *
     * @throws UnsupportedTemporalTypeException for a unit of estimated length (WEEKS and up)
     * @throws ArithmeticException              past what a long of nanoseconds holds
     */
    public long nanos() {
        return Duration.of(value, ChronoUnit.valueOf(unit)).toNanos();
    }
}
