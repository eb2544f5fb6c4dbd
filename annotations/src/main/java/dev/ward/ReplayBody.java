package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Buffers the request body once, without blocking an I/O thread and bounded by {@link #maxBytes()}, so that
 * every consumer of the route (middleware, handler, compensation) sees the same bytes.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ReplayBody {
    /** The default bound: 1 MiB. */
    int DEFAULT_MAX_BYTES = 1 << 20;

    /** The largest body accepted; a larger one is answered with 413. */
    int maxBytes() default DEFAULT_MAX_BYTES;
}
