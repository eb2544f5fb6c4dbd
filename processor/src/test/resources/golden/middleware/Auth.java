package com.acme.auth;

import dev.ward.*;

/** Middleware in its own package, producing a value the handler's package does not declare. */
@Middleware
public class Auth {
    @ContextValue
    public record Principal(String user) {}

    public Principal authenticate(@Header("Authorization") String token) {
        return new Principal(token);
    }
}
