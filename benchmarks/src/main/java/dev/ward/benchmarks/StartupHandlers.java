package dev.ward.benchmarks;

import dev.ward.Get;

/** The smallest Ward server StartupProbe starts: one route, no middleware, no registry, no JSON. */
public class StartupHandlers {
    @Get("/health")
    public String health() {
        return "ok";
    }
}
