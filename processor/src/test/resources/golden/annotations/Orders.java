package com.acme;

import dev.ward.*;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** All five annotations: @Recover @Timeout @ReplayBody @Traced @Compensable. */
@Recover
@Traced
public class Orders {
    @Post("/orders/{id}/payments")
    @ReplayBody(maxBytes = 65536)
    @Traced("orders.pay")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS, fallback = "payLater")
    @Compensable(compensate = "refund", maxAttempts = 5, backoffMillis = 200)
    public CompletionStage<String> pay(@PathParam("id") String id, @QueryParam("amount") long amount,
                                       @Header("X-Currency") String currency, @Body String payment,
                                       Deadline deadline) {
        return CompletableFuture.completedFuture(id);
    }

    public CompletionStage<String> payLater(String id, long amount, String currency, String payment,
                                            Deadline deadline) {
        return CompletableFuture.completedFuture("later");
    }

    public void refund(@PathParam("id") String id, @QueryParam("amount") long amount,
                       @Header("X-Currency") String currency, @Body String payment, RequestId requestId,
                       CompensationContext context) throws Exception {
    }

    @Put("/orders/{id}")
    @Timeout(value = 300, fallback = "unchanged")
    public void update(@PathParam("id") String id) {
    }

    public void unchanged(String id) {
    }
}
