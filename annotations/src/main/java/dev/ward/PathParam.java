package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter to the path variable of the same name in the route's template; never to the query.
 *
 * <p>Supported types: {@code String}, {@code int}, {@code long}, {@code boolean} and their boxes, {@code UUID}
 * and any enum. A value that does not convert is answered with a 400 problem naming the parameter.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface PathParam {
    /** The template variable's name, as written between braces. */
    String value();
}
