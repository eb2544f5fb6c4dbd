package dev.ward.samples;

import dev.ward.Get;

/** For load balancers: answers as long as the server can serve. */
public class HealthHandlers {
    @Get("/health")
    public String health() {
        return "ok";
    }
}
