package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Answers with {@link #method()} when the route fails with one of {@link #applyOn()}, after any {@link Retry}
 * gave up, inside the route's deadline. The fallback is a method of the same class taking the route's parameters
 * in the same order and returning the route's type; it may take one more, last parameter: the failure, of a type
 * every {@link #applyOn()} class is assignable to.
 *
 * <p>A failure is matched on its cause chain (an {@code IOException} wrapped in an
 * {@code UncheckedIOException} matches {@code IOException}, and the fallback receives the {@code IOException});
 * a {@link #skipOn()} class anywhere in the chain wins. Never replaced: a request Ward refused before the handler
 * ran (a 400 for a missing parameter, a body it cannot decode, a {@link Reject}), and an answer the handler
 * returned, a 5xx {@link Response} too (a failing dependency arrives in Java as an exception).
 *
 * <p>With {@link CircuitBreakerOpenException} (or a supertype) in {@link #applyOn()} and not in {@link #skipOn()},
 * the fallback also answers in place of an open {@link CircuitBreaker}'s 503: the request is bound, the route's
 * method is not called, and the fallback receives the refusal.
 *
 * <p>With {@code java.util.concurrent.TimeoutException} (or a supertype) in {@link #applyOn()}, the fallback also
 * answers when the route's {@link Timeout} passes, receiving a {@code TimeoutException}; a route has one fallback,
 * so {@code @Timeout(fallback = ...)} and {@code @Fallback} on one route is a compile error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Fallback {
    /** The fallback method's name. */
    String method();

    /** The failures the fallback answers for; required, so a fallback never silently swallows every failure. */
    Class<? extends Throwable>[] applyOn();

    /** Failures the fallback never answers for, even when {@link #applyOn()} lists a supertype; they win. */
    Class<? extends Throwable>[] skipOn() default {};
}
