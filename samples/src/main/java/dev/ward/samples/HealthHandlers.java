package dev.ward.samples;

import dev.ward.Get;
import dev.ward.NonBlocking;

/**
 * For load balancers: answers as long as the server can serve. It never blocks, so it runs on the I/O thread and
 * still answers when every worker is busy.
 */
public class HealthHandlers {
    @Get("/health")
    @NonBlocking
    public String health() {
        return "ok";
    }
}
