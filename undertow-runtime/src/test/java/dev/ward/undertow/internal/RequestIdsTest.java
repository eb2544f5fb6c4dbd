package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
    @Test
    void generatedIdsAreAlwaysSixteenHexDigitsAndDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.generate();
            // Without a fixed top bit, one id in sixteen would lose its leading zero.
            assertTrue(id.matches("[0-9a-f]{16}"), id);
            ids.add(id);
        }
        assertEquals(10_000, ids.size());
    }
}
