package dev.ward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that running this POST or PATCH route twice for one request has the effect of running it once, so
 * {@link Retry} may run it again. Ward cannot prove it; {@link #reason()} makes the author say why, where a
 * reviewer reads it: e.g. "keyed by the Idempotency-Key header", "upserts by the RequestId".
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Idempotent {
    /** Why a second run is harmless; must not be blank. */
    String reason();
}
