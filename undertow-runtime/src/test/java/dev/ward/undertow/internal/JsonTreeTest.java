package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON tree the runtime and the processor share: what it reads, how it writes, where it says it fails. */
class JsonTreeTest {
    @Test
    void readsEveryKindOfValueAndWritesItBackInAFixedForm() {
        String text = "{\"s\":\"a\\\"b\\\\c\\n\\u00e9/\",\"n\":-12,\"big\":123456789012345678901234,\"d\":1.5e3,"
                + "\"t\":true,\"f\":false,\"z\":null,\"a\":[1,[],{}],\"o\":{\"x\":[\"y\"]}}";
        Object tree = JsonTree.parse(text);
        Map<String, Object> object = JsonTree.object(tree, "the test value");

        assertEquals("a\"b\\c\né/", object.get("s"));
        assertEquals(-12L, object.get("n"));
        assertEquals(new BigDecimal("123456789012345678901234"), object.get("big"));
        assertEquals(new BigDecimal("1.5e3"), object.get("d"));
        assertEquals(List.of(1L, List.of(), Map.of()), object.get("a"));
        assertEquals("""
                {
                  "s": "a\\"b\\\\c\\né/",
                  "n": -12,
                  "big": 123456789012345678901234,
                  "d": 1.5E+3,
                  "t": true,
                  "f": false,
                  "z": null,
                  "a": [
                    1,
                    [],
                    {}
                  ],
                  "o": {
                    "x": [
                      "y"
                    ]
                  }
                }
                """, JsonTree.write(tree));
        assertEquals(JsonTree.compact(tree), JsonTree.compact(JsonTree.parse(JsonTree.write(tree))));
    }

    @Test
    void keysKeepTheirOrderAndControlCharactersAreEscaped() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("b", "\u0001\t");
        object.put("a", 1);
        assertEquals("{\"b\":\"\\u0001\\t\",\"a\":1}", JsonTree.compact(object));
    }

    @Test
    void saysWhereTheTextIsNotJson() {
        assertEquals("line 2, column 7: expected ':'", message("{\n  \"a\" 1}"));
        assertEquals("line 1, column 8: content after the value", message("[1, 2] x"));
        assertEquals("line 1, column 2: expected a property name", message("{a: 1}"));
        assertEquals("line 1, column 8: property 'a' appears twice", message("{\"a\":1,\"a\":2}"));
        assertEquals("line 1, column 2: unexpected end", message("["));
        assertEquals("line 1, column 4: unterminated string", message("\"ab"));
        assertEquals("line 1, column 2: invalid number '-'", message("-"));
        assertEquals("line 1, column 257: nested deeper than 256", message("[".repeat(257) + "]".repeat(257)));
        assertEquals("[".repeat(256) + "]".repeat(256), JsonTree.compact(JsonTree.parse("[".repeat(256)
                + "]".repeat(256))));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> JsonTree.parse(text)).getMessage();
    }
}
