package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Serves HTTP `PUT` requests whose path matches {@link #value()} with the annotated public instance method.
 *
 * <p>The template is a path such as {@code /orders/{id}}: it starts with {@code /}, and each {@code {name}}
 * is a whole path segment bound to a {@link PathParam} of the same name. Ward's processor generates the
 * Undertow handler for it at compile time and rejects invalid templates there.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Put {
    /** The path template, for example {@code /orders/{id}}. */
    String value();
}
