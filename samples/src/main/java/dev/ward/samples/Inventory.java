package dev.ward.samples;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Stock levels by SKU. Thread-safe: one instance serves every request thread at once. */
public final class Inventory {
    private final ConcurrentHashMap<String, Integer> stock = new ConcurrentHashMap<>();

    public Inventory(Map<String, Integer> initial) {
        stock.putAll(initial);
    }

    public Optional<Integer> available(String sku) {
        return Optional.ofNullable(stock.get(sku));
    }

    public void set(String sku, int quantity) {
        stock.put(sku, quantity);
    }

    /** Takes {@code quantity} items if that many are in stock; false (and nothing taken) otherwise. */
    public boolean reserve(String sku, int quantity) {
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

    public void release(String sku, int quantity) {
        stock.merge(sku, quantity, Integer::sum);
    }
}
