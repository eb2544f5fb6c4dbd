package dev.ward.samples;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stock levels by SKU, and the reservations orders hold, keyed by the request that made them. Thread-safe: one
 * instance serves every request thread at once.
 */
public final class Inventory {
    private record Reservation(String sku, int quantity) {
    }

    private final ConcurrentHashMap<String, Integer> stock = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Reservation> reservations = new ConcurrentHashMap<>();

    public Inventory(Map<String, Integer> initial) {
        stock.putAll(initial);
    }

    public Optional<Integer> available(String sku) {
        return Optional.ofNullable(stock.get(sku));
    }

    public void set(String sku, int quantity) {
        stock.put(sku, quantity);
    }

    /**
     * Takes {@code quantity} items for the request {@code key} if that many are in stock; false (and nothing
     * taken) otherwise. The reservation is remembered, so {@link #releaseReservation} can undo exactly it.
     */
    public boolean reserve(String key, String sku, int quantity) {
        if (!take(sku, quantity)) {
            return false;
        }
        reservations.put(key, new Reservation(sku, quantity));
        return true;
    }

    /**
     * Puts back what the request {@code key} reserved — once, however often it is called, and nothing if it
     * reserved nothing: what an idempotent compensation needs.
     */
    public void releaseReservation(String key) {
        Reservation reservation = reservations.remove(key);
        if (reservation != null) {
            restock(reservation.sku(), reservation.quantity());
        }
    }

    private boolean take(String sku, int quantity) {
        boolean[] reserved = {false};
        stock.computeIfPresent(sku, (key, available) -> {
            if (available < quantity) {
                return available;
            }
            reserved[0] = true;
            return available - quantity;
        });
        return reserved[0];
    }

    public void restock(String sku, int quantity) {
        stock.merge(sku, quantity, Integer::sum);
    }
}
