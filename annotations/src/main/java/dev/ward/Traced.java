package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wraps the route in a Micrometer {@code Observation}, named {@code http.server.requests} unless
 * {@link #value()} names it otherwise.
 *
 * <p>On a class, applies to every route in it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Traced {
    /** The observation's name; empty for {@code http.server.requests}. */
    String value() default "";
}
