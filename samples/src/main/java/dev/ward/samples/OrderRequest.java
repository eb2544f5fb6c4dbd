package dev.ward.samples;

/**
 * The body of {@code POST /orders}: {@code {"sku": "apple", "quantity": 2}}. A plain record: neither Ward nor
 * ward-json needs an annotation on it.
 */
public record OrderRequest(String sku, int quantity) {
}
