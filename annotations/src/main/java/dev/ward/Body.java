package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter to the request body: {@code byte[]}, {@code String} (decoded with the charset named by
 * {@code Content-Type}, UTF-8 when none is named) or {@code InputStream} (read on the worker thread).
 *
 * <p>{@code byte[]} and {@code String} bodies are buffered without blocking an I/O thread, bounded by the
 * server's entity limit: a larger body is answered with 413 before the handler runs.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Body {
}
