package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import java.time.temporal.ChronoUnit;

/**
 * Bounds the route by a deadline that runs from the moment the request enters the route, queue wait included.
 *
 * <p>At the deadline, if the handler has not finished, the client gets a 503 problem, or the result of the
 * {@link #fallback()} method called with the same arguments. The handler's thread is interrupted and whatever
 * it returns later is discarded. A handler parameter of type {@link Deadline} tells the remaining time.
 *
 * <p>On a class, applies to every route in it; a method's own {@code @Timeout} wins.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Timeout {
    /** The time the route may take; must be positive. */
    long value();

    /** The unit of {@link #value()}. */
    ChronoUnit unit() default ChronoUnit.MILLIS;

    /**
     * A method of the same class with the same parameter types in the same order, called when the deadline
     * passes; empty for a 503 answer.
     */
    String fallback() default "";
}
