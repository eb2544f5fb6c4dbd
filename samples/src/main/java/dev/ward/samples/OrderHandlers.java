package dev.ward.samples;

import dev.ward.Body;
import dev.ward.Compensable;
import dev.ward.CompensationContext;
import dev.ward.Delete;
import dev.ward.Get;
import dev.ward.Header;
import dev.ward.PathParam;
import dev.ward.Post;
import dev.ward.QueryParam;
import dev.ward.Recover;
import dev.ward.Reply;
import dev.ward.RequestId;
import dev.ward.Responds;
import dev.ward.Traced;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Orders: place one (reserving stock), read one, list them, cancel one (releasing stock).
 * {@code @Recover} on the class: any failure in these routes becomes a logged 500 problem; {@code @Traced}: each
 * is timed as {@code http.server.requests} under its template.
 */
@Recover
@Traced
public class OrderHandlers {
    private static final Pattern SKU = Pattern.compile("[a-z0-9-]{1,32}");

    private final Inventory inventory;
    private final Payments payments;
    private final ConcurrentHashMap<UUID, Order> orders = new ConcurrentHashMap<>();

    public OrderHandlers(Inventory inventory, Payments payments) {
        this.inventory = inventory;
        this.payments = payments;
    }

    /**
     * {@code POST /orders} with {@code {"sku": "apple", "quantity": 2}}: reserves the stock, charges, and answers
     * 201 with the order, or a 409 problem when stock is short. If anything fails after the reservation (the payment
     * provider, say), the request fails with a 500 and Ward runs {@link #releaseStock} for it, asynchronously, with
     * retries.
     */
    @Post("/orders")
    @Compensable(compensate = "releaseStock")
    @Responds(status = 201, description = "the order, placed; Location names it")
    @Responds(status = 409, description = "not enough of the SKU in stock")
    @Responds(status = 422, description = "the SKU or the quantity is not valid")
    public Reply<Order> place(@Body OrderRequest request, @Header("Idempotency-Key") Optional<String> idempotencyKey,
                              RequestId requestId) {
        if (!SKU.matcher(request.sku()).matches() || request.quantity() < 1) {
            return Reply.problem(422, "sku must be [a-z0-9-]{1,32} and quantity at least 1");
        }
        if (!inventory.reserve(requestId.value(), request.sku(), request.quantity())) {
            return Reply.problem(409, "not enough " + request.sku() + " in stock");
        }
        payments.charge(requestId.value(), request.quantity());
        Order order = new Order(UUID.randomUUID(), request.sku(), request.quantity(), OrderStatus.PLACED);
        orders.put(order.id(), order);
        Reply<Order> created = Reply.created("/orders/" + order.id(), order);
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

    /** {@code GET /orders/{id}}: the order, or a 404 problem. A malformed id is a 400 before this runs. */
    @Get("/orders/{id}")
    public Optional<Order> get(@PathParam("id") UUID id) {
        return Optional.ofNullable(orders.get(id));
    }

    /** {@code GET /orders?status=PLACED}: every order, or those with the given status. */
    @Get("/orders")
    public List<Order> list(@QueryParam("status") Optional<OrderStatus> status) {
        return orders.values().stream().filter(order -> status.map(s -> order.status() == s).orElse(true)).toList();
    }

    /**
     * {@code DELETE /orders/{id}}: cancels a placed order, puts its stock back and answers the cancelled order; a
     * 404 problem for an unknown order, a 409 problem for one that is no longer placed.
     */
    @Delete("/orders/{id}")
    @Responds(status = 404, description = "no such order")
    @Responds(status = 409, description = "the order is no longer placed")
    public Reply<Order> cancel(@PathParam("id") UUID id) {
        Order current = orders.get(id);
        if (current == null) {
            return Reply.problem(404, "no order " + id);
        }
        Order cancelled = current.withStatus(OrderStatus.CANCELLED);
        // Only the request that moves PLACED to CANCELLED releases the stock, however many race here.
        if (current.status() != OrderStatus.PLACED || !orders.replace(id, current, cancelled)) {
            return Reply.problem(409, "order " + id + " is " + orders.get(id).status());
        }
        inventory.restock(current.sku(), current.quantity());
        return Reply.ok(cancelled);
    }
}
