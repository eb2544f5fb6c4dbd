package com.acme;

import dev.ward.*;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * JSON routes: a record in, records out, collections, Optional (404 when empty), a Reply with status and headers,
 * asynchronous, replayed.
 */
public class Orders {
    public record Line(String sku, int quantity) { }

    public record OrderRequest(List<Line> lines, Optional<String> note) { }

    public record Order(UUID id, List<Line> lines) { }

    @Post("/orders")
    public Order place(@Body OrderRequest request) {
        return new Order(UUID.randomUUID(), request.lines());
    }

    @Post("/orders/express")
    public Reply<Order> express(@Body OrderRequest request) {
        return request.lines().isEmpty() ? Reply.problem(422, "an order needs a line")
                : Reply.created("/orders/1", new Order(UUID.randomUUID(), request.lines()));
    }

    @Get("/orders/{id}")
    public Optional<Order> find(@PathParam("id") UUID id) {
        return Optional.empty();
    }

    @Get("/orders")
    public CompletionStage<Map<String, List<Order>>> byCustomer() {
        return CompletableFuture.completedFuture(Map.of());
    }

    @Put("/orders/{id}/lines")
    @ReplayBody(maxBytes = 65536)
    public List<Line> replace(@PathParam("id") UUID id, @Body List<Line> lines) {
        return lines;
    }
}
