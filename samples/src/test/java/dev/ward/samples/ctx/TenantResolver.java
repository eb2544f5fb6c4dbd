package dev.ward.samples.ctx;

import dev.ward.Middleware;
import dev.ward.PathParam;

/** The tenant comes from the path, and is tied to the authenticated user. */
@Middleware
public final class TenantResolver {
    public Tenant resolve(UserId user, @PathParam("tenant") String tenant) {
        return new Tenant(tenant, user);
    }
}
