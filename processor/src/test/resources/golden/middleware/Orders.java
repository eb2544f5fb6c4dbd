package com.acme;

import com.acme.auth.Auth;
import dev.ward.*;

/** Middleware with context values: one produced in another package, one produced here from it. */
@Use(Auth.class)
public class Orders {
    @ContextValue
    public record Tenant(String name, Auth.Principal owner) {}

    @Middleware
    public static class TenantOf {
        public Tenant resolve(Auth.Principal principal, @Header("X-Tenant") String name) {
            return new Tenant(name, principal);
        }
    }

    @Middleware
    public static class Audit {
        public void record(Tenant tenant, @QueryParam("reason") String reason) {
        }
    }

    @Get("/orders")
    @Use({TenantOf.class, Audit.class})
    public String list(Tenant tenant, Auth.Principal principal, @QueryParam("page") int page) {
        return tenant.name() + principal.user() + page;
    }

    @Get("/health")
    public String health(Auth.Principal principal) {
        return "ok";
    }
}
