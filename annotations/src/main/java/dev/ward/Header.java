package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter to the first value of a request header. Required unless it has a {@link #defaultValue()} or the parameter is an {@code Optional}: a missing required one is answered with 400.
 *
 * <p>Supported types: {@code String}, {@code int}, {@code long}, {@code boolean} and their boxes, {@code UUID}
 * and any enum; and {@code Optional} of those, which is empty when the header is absent. A value that does not convert is answered with a 400 problem naming the parameter.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Header {
    /** The value of {@link #defaultValue()} that means "no default"; the same as {@link QueryParam#NO_DEFAULT}. */
    String NO_DEFAULT = QueryParam.NO_DEFAULT;

    /** The header's name; header names are case-insensitive. */
    String value();

    /**
     * The value used when the header is absent, converted exactly as a sent value would be: {@code
     * defaultValue = "20"} on an {@code int}. Ward checks at compile time that it converts to the parameter's
     * type ({@code Ward/DefaultValueInvalid}); it has no place on an {@code Optional}, which would never be empty.
     */
    String defaultValue() default NO_DEFAULT;
}
