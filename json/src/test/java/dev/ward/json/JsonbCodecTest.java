package dev.ward.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ward.undertow.CodecLimits;
import dev.ward.undertow.codec.CodecFixtures.Colour;
import dev.ward.undertow.codec.CodecFixtures.Grid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonbCodecTest {
    /** Imported nowhere: avaje-jsonb has no adapter for it. */
    public record NotImported(String name) {
    }

    @Test
    void refusesLimitsAvajeJsonbCannotHonour() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new JsonbCodec(CodecLimits.DEFAULTS.withMaxNumberLength(97)));
        assertEquals("ward-json reads strings of at most 32768 characters and numbers of at most 96 digits"
                + " (avaje-jsonb's limits), not 32768 and 97: lower the limits or use ward-jackson",
                refused.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new JsonbCodec(CodecLimits.DEFAULTS.withMaxStringLength(32_769)));
        new JsonbCodec(CodecLimits.DEFAULTS.withMaxNumberLength(96));
    }

    @Test
    void namesATypeWithoutAnAdapterWhenTheRouteIsBuilt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new JsonbCodec().reader(NotImported.class));
        assertEquals("ward-json has no adapter for " + NotImported.class.getName() + ": Ward's processor"
                + " generates one for every body and result type of a route; for another type, annotate it with"
                + " @io.avaje.jsonb.Json or list it in @Json.Import", refused.getMessage());
    }

    @Test
    void refusesAListOfAGenericTypeInAComponentWhenTheRouteIsBuilt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new JsonbCodec().reader(Grid.class));
        assertEquals("ward-json cannot read or write Grid.cells (java.util.List<java.util.Map<java.lang.String,"
                + " java.util.Set<" + Colour.class.getName() + ">>>): avaje-jsonb's generated adapters lose the type"
                + " arguments of a generic element in a List, Set or Optional component. Wrap the element in a"
                + " record, or use ward-jackson", refused.getMessage());
    }

    @Test
    void writesWholeBuffersNotOneByteAtATime() throws IOException {
        List<Integer> writes = new java.util.ArrayList<>();
        java.io.OutputStream out = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                writes.add(1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                writes.add(length);
            }
        };
        new JsonbCodec().writer(Grid.class).write(new Grid(List.of(Map.of("b", Set.of(Colour.GREEN)))), out);
        assertEquals(List.of("{\"cells\":[{\"b\":[\"GREEN\"]}]}".length()), writes,
                "one write of the whole document, not a write per byte");
    }

    @Test
    void writesAListOfAGenericTypeInAComponent() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonbCodec().writer(Grid.class).write(new Grid(List.of(Map.of("b", Set.of(Colour.GREEN)))), out);
        assertEquals("{\"cells\":[{\"b\":[\"GREEN\"]}]}", out.toString(StandardCharsets.UTF_8));
    }
}
