package com.acme;

import dev.ward.AdaptiveConcurrency;
import dev.ward.CircuitBreaker;
import dev.ward.Get;
import dev.ward.PathParam;
import dev.ward.Post;
import dev.ward.RateLimit;
import dev.ward.Recover;

/** Overload protection: a shared breaker, a keyed rate limit and a route's own adaptive limit. */
@Recover
public class Orders {
    @Get("/orders/{id}")
    @CircuitBreaker(name = "ledger", failureRatio = 0.25, window = 50, minimumCalls = 20, openFor = 10_000)
    @RateLimit(permits = 100, keyHeader = "X-Api-Key", maxKeys = 5_000)
    public String order(@PathParam("id") String id) {
        return id;
    }

    @Post("/orders/{id}/refunds")
    @CircuitBreaker(name = "ledger", failureRatio = 0.25, window = 50, minimumCalls = 20, openFor = 10_000)
    @RateLimit(permits = 5, per = 60_000, burst = 2)
    public String refund(@PathParam("id") String id) {
        return id;
    }

    @Get("/reports")
    @AdaptiveConcurrency(initial = 8, min = 2, max = 64)
    public String reports() {
        return "reports";
    }
}
