package dev.ward.samples.ctx;

import dev.ward.Middleware;

/** Returns the directory's own mutable collections, as careless middleware does. */
@Middleware
public final class PermissionLookup {
    private final Directory directory;

    public PermissionLookup(Directory directory) {
        this.directory = directory;
    }

    public Permissions lookup(UserId user) {
        return new Permissions(directory.roles, directory.actionsByResource);
    }
}
