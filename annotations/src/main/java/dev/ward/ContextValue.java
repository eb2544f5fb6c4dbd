package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record or final class as a request-scoped value that {@link Middleware} produces and handlers take as
 * a parameter of its type. For {@code UserId} the processor generates {@code UserIdKey}, a typed key for code
 * that holds the raw exchange: no string keys, no casts.
 *
 * <p>A context value is shared by everything that runs for the request, so it must be immutable all the way
 * down: its fields are final and of primitive, boxed, {@code String}, enum, {@code UUID}, {@code java.time} or
 * other {@code @ContextValue} types. A connection, a pool, a collection or anything mutable is a compile error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ContextValue {
}
