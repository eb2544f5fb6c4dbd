package com.acme;

import dev.ward.*;
import io.avaje.jsonb.Json;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** An order service: every shape of parameter, body and result the contract describes. */
@Recover
public class Orders {
    public enum Status { PLACED, SHIPPED, CANCELLED }

    public record Line(String sku, int quantity, Optional<String> note) { }

    public record Address(String street, @Json.Property("postal_code") String postalCode) { }

    public record OrderRequest(List<Line> lines, Address address, Optional<LocalDate> deliverBy,
                               Map<String, String> labels) { }

    public record Order(UUID id, Status status, List<Line> lines, Set<String> tags, Instant placedAt,
                        Optional<OffsetDateTime> shippedAt, long totalCents, double weight, boolean gift) { }

    /**
     * Places an order. The lines are reserved before the order is stored.
     *
     * @param request what to order, and where to
     */
    @Post("/orders")
    @Responds(status = 201, description = "the order, placed")
    @Responds(status = 409, description = "not enough stock for a line")
    public Reply<Order> place(@Body OrderRequest request) {
        return Reply.problem(409, "no stock");
    }

    /** Finds one order. */
    @Get("/orders/{id}")
    @Timeout(300)
    public Optional<Order> find(@PathParam("id") UUID id) {
        return Optional.empty();
    }

    /**
     * Lists orders, newest first, e.g. for a dashboard. Each is what {@link #find} answers for its id.
     *
     * @param status only orders in this status
     * @param limit  at most this many
     */
    @Get("/orders")
    public List<Order> list(@QueryParam("status") Optional<Status> status,
                            @QueryParam(value = "limit", defaultValue = "20") int limit,
                            @Header("X-Tenant") String tenant) {
        return List.of();
    }

    @Delete("/orders/{id}")
    public void cancel(@PathParam("id") UUID id) {
    }

    @Put("/orders/{id}/note")
    @ReplayBody(maxBytes = 4096)
    public String note(@PathParam("id") UUID id, @Body String note) {
        return note;
    }

    @Post("/orders/{id}/attachments/{name}")
    @NonBlocking
    public byte[] attach(@PathParam("id") UUID id, @PathParam("name") String name, @Body byte[] content) {
        return content;
    }

    @Post("/imports")
    @Responds(status = 202, body = ImportStarted.class, description = "the import, queued")
    @Responds(status = 400, body = String.class, description = "the file is not CSV")
    public Response importCsv(@Body InputStream csv) {
        return Response.status(202);
    }

    @Get("/health")
    public Response health() {
        return Response.ok("ok");
    }

    public record ImportStarted(UUID id, long bytes) { }
}
