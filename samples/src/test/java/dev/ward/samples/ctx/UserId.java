package dev.ward.samples.ctx;

import dev.ward.ContextValue;

/** Who is calling, as established by {@link BearerAuth}. */
@ContextValue
public record UserId(String value) {
}
