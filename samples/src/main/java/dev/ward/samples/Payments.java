package dev.ward.samples;

/**
 * The sample's stand-in for a payment provider. It is "down" for orders of more than {@code limit} items, so that
 * {@code POST /orders} of {@code {"quantity": 5}} shows a failed order whose stock reservation is compensated.
 */
public final class Payments {
    private final int limit;

    public Payments(int limit) {
        this.limit = limit;
    }

    /** Charges for an order, or fails as an unreachable provider would. */
    public void charge(String orderKey, int quantity) {
        if (quantity > limit) {
            throw new IllegalStateException("payment provider unavailable for order " + orderKey);
        }
    }
}
