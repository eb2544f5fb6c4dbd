package dev.ward.samples.ctx;

import dev.ward.ContextValue;

/** Which tenant a request acts for, and which user asked. */
@ContextValue
public record Tenant(String name, UserId requestedBy) {
}
