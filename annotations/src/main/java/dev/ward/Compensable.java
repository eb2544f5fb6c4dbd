package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a failed request to this route must be compensated by calling {@link #compensate()}, a method of
 * the same class, asynchronously, with retries.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Compensable {
    /** The compensation method's name. */
    String compensate();

    /** How many times the compensation is tried before it becomes a dead letter. */
    int maxAttempts() default 5;

    /** The first retry's delay; later ones back off exponentially, with jitter. */
    long backoffMillis() default 100;
}
