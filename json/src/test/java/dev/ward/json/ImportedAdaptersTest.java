package dev.ward.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.json.fixtures.orders.PlacedOrder;
import io.avaje.jsonb.Jsonb;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportedAdaptersTest {
    @Test
    void anImportOnAGeneratedClassGivesAnUnannotatedRecordInAnotherPackageItsAdapter() {
        Jsonb jsonb = Jsonb.builder().build();
        assertTrue(jsonb.hasAdapter(PlacedOrder.class));
        PlacedOrder order = new PlacedOrder("apple", 2, List.of("gift"));
        String json = jsonb.toJson(order);
        assertEquals("{\"sku\":\"apple\",\"quantity\":2,\"notes\":[\"gift\"]}", json);
        assertEquals(order, jsonb.type(PlacedOrder.class).fromJson(json));
    }
}
