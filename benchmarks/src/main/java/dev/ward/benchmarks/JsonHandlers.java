package dev.ward.benchmarks;

import dev.ward.Body;
import dev.ward.Post;
import io.avaje.jsonb.JsonType;
import io.avaje.jsonb.Jsonb;
import java.util.List;
import java.util.UUID;

/**
 * A ~1 KiB JSON record decoded and answered back, and the same bytes in and out as {@code byte[]}: what typed JSON
 * bodies cost over the bytes alone, and one codec against the other (docs/performance.md, "JSON bodies"); and the
 * {@code byte[]} route decoding and encoding the record with avaje-jsonb called directly, as ward-json configures it:
 * the floor of the typed route, what avaje-jsonb costs in the server without anything of ward-json's.
 */
public class JsonHandlers {
    private static final JsonType<Order> AVAJE = Jsonb.builder().failOnUnknown(false).failOnNullPrimitives(true)
            .serializeNulls(false).serializeEmpty(true).build().type(Order.class);

    public enum Status { PLACED, PAID, SHIPPED }

    public record Item(String sku, String name, int quantity, long priceCents, double weightKg) {
    }

    public record Order(UUID id, String customer, Status status, long placedAt, List<Item> items, String note) {
    }

    @Post("/json")
    public Order json(@Body Order order) {
        return order;
    }

    @Post("/bytes")
    public byte[] bytes(@Body byte[] body) {
        return body;
    }

    @Post("/avaje")
    public byte[] avaje(@Body byte[] body) {
        return AVAJE.toJsonBytes(AVAJE.fromJson(body));
    }

    /** The request body both routes are measured with: 1,059 bytes of compact JSON, eight items. */
    static String sampleOrder() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            items.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(1000 + i)
                    .append("\",\"name\":\"Stainless steel widget, size ").append(i)
                    .append("\",\"quantity\":").append(i + 1).append(",\"priceCents\":").append(1999 + 250 * i)
                    .append(",\"weightKg\":").append(0.25 * (i + 1)).append('}');
        }
        return "{\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\",\"customer\":\"ada.lovelace@example.com\","
                + "\"status\":\"PAID\",\"placedAt\":1795000000000,\"items\":[" + items
                + "],\"note\":\"Leave at the back door; ring twice. Fragile items inside, keep upright.\"}";
    }

    /** For benchmarks/load.sh: prints the request body. */
    public static void main(String[] args) {
        System.out.print(sampleOrder());
    }
}
