package dev.ward.samples.ctx;

import dev.ward.ContextValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the caller may do: roles, and actions per resource. Ward copies both into immutable collections. */
@ContextValue
public record Permissions(Set<String> roles, Map<String, List<String>> actionsByResource) {
}
