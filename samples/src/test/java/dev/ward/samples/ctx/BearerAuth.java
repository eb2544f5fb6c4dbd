package dev.ward.samples.ctx;

import dev.ward.Header;
import dev.ward.Middleware;
import dev.ward.Reject;
import dev.ward.Response;
import java.util.Optional;

/** Accepts {@code Authorization: Bearer user-<name>}; anything else is a 401 before the route runs. */
@Middleware
public final class BearerAuth {
    public UserId authenticate(@Header("Authorization") Optional<String> authorization) {
        return authorization.filter(value -> value.startsWith("Bearer user-"))
                .map(value -> new UserId(value.substring("Bearer user-".length())))
                .orElseThrow(() -> new Reject(Response.status(401).header("WWW-Authenticate", "Bearer")
                        .body("a bearer token is required")));
    }
}
