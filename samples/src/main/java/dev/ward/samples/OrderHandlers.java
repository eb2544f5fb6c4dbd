package dev.ward.samples;

import dev.ward.Compensable;
import dev.ward.CompensationContext;
import dev.ward.Delete;
import dev.ward.Get;
import dev.ward.Header;
import dev.ward.PathParam;
import dev.ward.Post;
import dev.ward.QueryParam;
import dev.ward.Recover;
import dev.ward.RequestId;
import dev.ward.Response;
import dev.ward.Traced;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Orders: place one (reserving stock), read one, list them, cancel one (releasing stock).
 * {@code @Recover} on the class: any failure in these routes becomes a logged 500 problem; {@code @Traced}: each
 * is timed as {@code http.server.requests} under its template.
 */
@Recover
@Traced
public class OrderHandlers {
    private static final Pattern SKU = Pattern.compile("[a-z0-9-]{1,32}");
    private static final String JSON = "application/json";

    private final Inventory inventory;
    private final Payments payments;
    private final ConcurrentHashMap<UUID, Order> orders = new ConcurrentHashMap<>();

    public OrderHandlers(Inventory inventory, Payments payments) {
        this.inventory = inventory;
        this.payments = payments;
    }

    /**
     * {@code POST /orders?sku=apple&quantity=2}: reserves the stock, charges, and answers 201 with the order, or
     * 409 when stock is short. If anything fails after the reservation (the payment provider, say), the request
     * fails with a 500 and Ward runs {@link #releaseStock} for it, asynchronously, with retries.
     */
    @Post("/orders")
    @Compensable(compensate = "releaseStock")
    public Response place(@QueryParam("sku") String sku, @QueryParam("quantity") int quantity,
                          @Header("Idempotency-Key") Optional<String> idempotencyKey, RequestId requestId) {
        if (!SKU.matcher(sku).matches() || quantity < 1) {
            return Response.status(422).body("sku must be [a-z0-9-]{1,32} and quantity at least 1");
        }
        if (!inventory.reserve(requestId.value(), sku, quantity)) {
            return Response.status(409).body("not enough " + sku + " in stock");
        }
        payments.charge(requestId.value(), quantity);
        Order order = new Order(UUID.randomUUID(), sku, quantity, OrderStatus.PLACED);
        orders.put(order.id(), order);
        Response created = Response.status(201).header("Location", "/orders/" + order.id())
                .body(order.toJson().getBytes(StandardCharsets.UTF_8), JSON);
        return idempotencyKey.map(key -> created.header("Idempotency-Key", key)).orElse(created);
    }

    /**
     * Compensates a failed {@link #place}: puts back what that request reserved. Idempotent and fine with nothing
     * to undo, as compensations must be: it may run twice after a crash, or for a request that failed before it
     * reserved anything.
     */
    public void releaseStock(CompensationContext context) {
        inventory.releaseReservation(context.idempotencyKey());
    }

    /** {@code GET /orders/{id}}: the order, or 404. A malformed id is a 400 before this runs. */
    @Get("/orders/{id}")
    public Response get(@PathParam("id") UUID id) {
        Order order = orders.get(id);
        return order == null ? Response.status(404).body("no order " + id) : json(order.toJson());
    }

    /** {@code GET /orders?status=PLACED}: every order, or those with the given status. */
    @Get("/orders")
    public Response list(@QueryParam("status") Optional<OrderStatus> status) {
        String items = orders.values().stream()
                .filter(order -> status.map(s -> order.status() == s).orElse(true))
                .map(Order::toJson)
                .collect(Collectors.joining(",", "[", "]"));
        return json(items);
    }

    /** {@code DELETE /orders/{id}}: cancels a placed order and puts its stock back. */
    @Delete("/orders/{id}")
    public Response cancel(@PathParam("id") UUID id) {
        Order current = orders.get(id);
        if (current == null) {
            return Response.status(404).body("no order " + id);
        }
        // Only the request that moves PLACED to CANCELLED releases the stock, however many race here.
        if (current.status() != OrderStatus.PLACED
                || !orders.replace(id, current, current.withStatus(OrderStatus.CANCELLED))) {
            return Response.status(409).body("order " + id + " is " + orders.get(id).status());
        }
        inventory.restock(current.sku(), current.quantity());
        return Response.noContent();
    }

    private static Response json(String body) {
        return Response.status(200).body(body.getBytes(StandardCharsets.UTF_8), JSON);
    }
}
