package dev.ward.samples;

/** Where an order is in its life. */
public enum OrderStatus {
    PLACED, SHIPPED, CANCELLED
}
