package com.acme;

import dev.ward.*;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** @NonBlocking routes returning CompletionStages: they run on the I/O thread and answer when the stage does. */
@NonBlocking
public class Orders {
    @Get("/orders/{id}")
    public CompletionStage<String> get(@PathParam("id") String id) {
        return CompletableFuture.completedFuture(id);
    }

    @Delete("/orders/{id}")
    public CompletionStage<Void> cancel(@PathParam("id") String id) {
        return CompletableFuture.completedFuture(null);
    }

    @Get("/orders/{id}/pdf")
    public CompletableFuture<byte[]> pdf(@PathParam("id") String id) {
        return CompletableFuture.completedFuture(new byte[0]);
    }

    @Get("/orders/{id}/summary")
    public CompletionStage<Response> summary(@PathParam("id") String id) {
        return CompletableFuture.completedFuture(Response.ok(id));
    }
}
