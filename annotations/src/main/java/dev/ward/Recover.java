package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns any failure inside the route's chain into one answer: a 500 {@code application/problem+json} whose
 * {@code instance} is the request id, never the exception's message, class or stack. The failure is logged once
 * with the request id, the route template and the stack, and counted. When the response had already started,
 * the connection is closed instead, so the client never mistakes a truncated body for a success.
 *
 * <p>On a class, applies to every route in it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Recover {
}
