package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter to the first value of a request header. Required unless the parameter is an {@code Optional}: a missing required one is answered with 400.
 *
 * <p>Supported types: {@code String}, {@code int}, {@code long}, {@code boolean} and their boxes, {@code UUID}
 * and any enum; and {@code Optional} of those, which is empty when the header is absent. A value that does not convert is answered with a 400 problem naming the parameter.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Header {
    /** The header's name; header names are case-insensitive. */
    String value();
}
