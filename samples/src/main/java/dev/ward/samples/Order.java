package dev.ward.samples;

import java.util.UUID;

/** An order for one SKU. Immutable; a status change makes a new one. */
public record Order(UUID id, String sku, int quantity, OrderStatus status) {

    public Order withStatus(OrderStatus next) {
        return new Order(id, sku, quantity, next);
    }
}
