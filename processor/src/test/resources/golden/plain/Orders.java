package com.acme;

import dev.ward.*;
import java.util.Optional;
import java.util.UUID;

/** Plain routes: every kind of binding, every synchronous return type. */
public class Orders {
    public enum Status { OPEN, CLOSED }

    @Get("/orders/{id}")
    public Response get(@PathParam("id") UUID id, @QueryParam("limit") int limit,
                        @QueryParam("status") Optional<Status> status, @Header("X-Tenant") String tenant,
                        @QueryParam("since") Optional<Long> since, @Header("X-Trace") Optional<String> trace) {
        return Response.ok(id + " " + limit);
    }

    @Post("/orders")
    public String create(@Body String order, @QueryParam("express") boolean express, RequestId requestId) {
        return order;
    }

    @Put("/orders/{id}/attachment")
    public byte[] attach(@PathParam("id") UUID id, @Body byte[] content) {
        return content;
    }

    @Delete("/orders/{id}")
    public void cancel(@PathParam("id") UUID id, io.undertow.server.HttpServerExchange exchange) {
    }
}
