package dev.ward.samples.ctx;

import dev.ward.Middleware;

/** An administrator revoking "admin" and "delete" after the lookup, before the handler reads its permissions. */
@Middleware
public final class Revocation {
    private final Directory directory;

    public Revocation(Directory directory) {
        this.directory = directory;
    }

    public void revoke(UserId user) {
        directory.roles.remove("admin");
        directory.actionsByResource.get("notes").remove("delete");
    }
}
