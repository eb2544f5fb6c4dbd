package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Applies {@link Middleware} to a route, in the order given; on a class, to every route in it. A route runs its
 * class's middleware first, then its own. Each middleware instance is a constructor argument of the generated
 * {@code ...Routes} class, after the handler, in the order the classes first appear.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Use {
    /** The middleware classes, each annotated {@link Middleware}. */
    Class<?>[] value();
}
