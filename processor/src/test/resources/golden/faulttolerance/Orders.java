package com.acme;

import dev.ward.*;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/** @Retry, @Fallback (on failures and the deadline, taking the failure or not) and @Idempotent. */
@Recover
public class Orders {
    @Get("/users/{user}/roles")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxAttempts = 4, delay = 50, maxDelay = 400, retryOn = IOException.class,
            abortOn = FileNotFoundException.class)
    @Fallback(method = "cachedRoles", applyOn = {IOException.class, TimeoutException.class})
    public String roles(@PathParam("user") String user) throws IOException {
        return "admin";
    }

    public String cachedRoles(String user, Exception failure) {
        return "reader";
    }

    @Post("/orders/{id}/confirm")
    @Idempotent(reason = "confirming a confirmed order changes nothing")
    @Retry(retryOn = UncheckedIOException.class, jitter = 0)
    @Fallback(method = "confirmLater", applyOn = UncheckedIOException.class)
    public void confirm(@PathParam("id") String id) {
    }

    public void confirmLater(String id) {
    }

    @Get("/orders/{id}/status")
    @Fallback(method = "unknownStatus", applyOn = IOException.class)
    public CompletionStage<String> status(@PathParam("id") String id) {
        return CompletableFuture.completedFuture("shipped");
    }

    public CompletionStage<String> unknownStatus(String id, IOException failure) {
        return CompletableFuture.completedFuture("unknown");
    }
}
