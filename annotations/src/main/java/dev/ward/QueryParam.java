package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter to the first value of a query parameter. Required unless it has a {@link #defaultValue()} or the parameter is an {@code Optional}: a missing required one is answered with 400.
 *
 * <p>Supported types: {@code String}, {@code int}, {@code long}, {@code boolean} and their boxes, {@code UUID}
 * and any enum; and {@code Optional} of those, which is empty when the parameter is absent. A value that does not convert is answered with a 400 problem naming the parameter.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface QueryParam {
    /**
     * The value of {@link #defaultValue()} that means "no default": annotation values cannot be null, and no
     * query parameter or header is sent with NUL characters in it.
     */
    String NO_DEFAULT = "\u0000ward:no-default\u0000";

    /** The query parameter's name, case-sensitive. */
    String value();

    /**
     * The value used when the query parameter is absent, converted exactly as a sent value would be: {@code
     * defaultValue = "20"} on an {@code int}. Ward checks at compile time that it converts to the parameter's
     * type ({@code Ward/DefaultValueInvalid}); it has no place on an {@code Optional}, which would never be empty.
     */
    String defaultValue() default NO_DEFAULT;
}
