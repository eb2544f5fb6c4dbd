package dev.ward.samples.ctx;

import dev.ward.Get;
import dev.ward.Use;
import java.util.TreeSet;

/** A handler that reads collections from its context, after a later middleware mutated the originals. */
@Use({BearerAuth.class, PermissionLookup.class, Revocation.class})
public class PermissionHandlers {
    @Get("/permissions")
    public String permissions(Permissions permissions) {
        String writable;
        try {
            permissions.roles().add("root");
            writable = "roles writable";
        } catch (UnsupportedOperationException expected) {
            writable = "roles read-only";
        }
        return new TreeSet<>(permissions.roles()) + " " + permissions.actionsByResource() + " " + writable;
    }
}
