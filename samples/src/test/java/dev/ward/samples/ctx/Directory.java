package dev.ward.samples.ctx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A live, mutable permission directory, as an identity provider's cache would be: {@link PermissionLookup} hands
 * out its own collections, and {@link Revocation} changes them while a request is under way.
 */
public final class Directory {
    final Set<String> roles = new HashSet<>(Set.of("reader", "admin"));
    final Map<String, List<String>> actionsByResource = Map.of("notes", new ArrayList<>(List.of("read", "delete")));
}
