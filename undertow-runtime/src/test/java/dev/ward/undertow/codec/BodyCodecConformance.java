package dev.ward.undertow.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.undertow.BodyCodec;
import dev.ward.undertow.BodyDecodingException;
import dev.ward.undertow.BodyDecodingException.Kind;
import dev.ward.undertow.CodecLimits;
import dev.ward.undertow.codec.CodecFixtures.Aisles;
import dev.ward.undertow.codec.CodecFixtures.Colour;
import dev.ward.undertow.codec.CodecFixtures.Grid;
import dev.ward.undertow.codec.CodecFixtures.Item;
import dev.ward.undertow.codec.CodecFixtures.Money;
import dev.ward.undertow.codec.CodecFixtures.Order;
import dev.ward.undertow.codec.CodecFixtures.Payment;
import dev.ward.undertow.codec.CodecFixtures.Quantity;
import dev.ward.undertow.internal.Codecs;
import dev.ward.undertow.internal.Types;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link BodyCodec} Ward ships must do, run against each by a subclass in the codec's module. Each
 * bad input is decoded both from a byte array and from a stream, and both must say the same.
 */
public abstract class BodyCodecConformance {
    private static final UUID ID = UUID.fromString("0b0e9a2c-7f1d-4c55-9a53-4d2f8c1b6e01");
    private static final String ITEMS = "[{\"sku\":\"apple\",\"quantity\":2},{\"sku\":\"pear\",\"quantity\":1}]";
    private static final List<Item> ITEM_LIST = List.of(new Item("apple", 2), new Item("pear", 1));
    private static final String BYTE_OFFSET = "byte offset \\d+";

    /** The codec under test, with these limits. */
    protected abstract BodyCodec codec(CodecLimits limits);

    /** Whether the codec reads a component such as {@code List<Map<String, Set<Colour>>>}. */
    protected boolean readsListsOfGenericTypesInComponents() {
        return true;
    }

    static Stream<Arguments> shapes() {
        Map<String, List<Item>> shelves = new LinkedHashMap<>();
        shelves.put("top", ITEM_LIST);
        shelves.put("bottom", List.of());
        return Stream.of(
                Arguments.of(Item.class, "{\"sku\":\"apple\",\"quantity\":2}", new Item("apple", 2)),
                Arguments.of(Colour.class, "\"GREEN\"", Colour.GREEN),
                Arguments.of(Money.class, "{\"currency\":\"EUR\",\"cents\":1250}", new Money("EUR", 1250)),
                Arguments.of(Payment.class,
                        "{\"amount\":12.50,\"cents\":-9007199254740993,\"rate\":0.125,\"settled\":true}",
                        new Payment(new BigDecimal("12.50"), -9007199254740993L, 0.125, true)),
                Arguments.of(Types.list(Item.class), ITEMS, ITEM_LIST),
                Arguments.of(Types.set(Colour.class), "[\"RED\"]", Set.of(Colour.RED)),
                Arguments.of(Types.map(Types.list(Item.class)),
                        "{\"top\":" + ITEMS + ",\"bottom\":[]}", shelves),
                Arguments.of(Types.list(Types.map(Types.set(Colour.class))),
                        "[{\"a\":[\"RED\",\"GREEN\"]},{}]",
                        List.of(Map.of("a", Set.of(Colour.RED, Colour.GREEN)), Map.of())),
                Arguments.of(Aisles.class, "{\"shelvesByAisle\":{\"fruit\":{\"top\":" + ITEMS + "}}}",
                        new Aisles(Map.of("fruit", Map.of("top", ITEM_LIST)))),
                Arguments.of(Order.class, order("\"note\":\"leave at the door\""),
                        new Order(ID, Instant.parse("2024-05-01T10:15:30Z"), LocalDate.parse("2024-05-03"),
                                Colour.RED, ITEM_LIST, Set.of("gift"), Map.of("top", ITEM_LIST),
                                Optional.of("leave at the door"))),
                Arguments.of(Order.class, order("\"note\":null"), withoutNote()),
                Arguments.of(Order.class, order(""), withoutNote()),
                Arguments.of(Item.class, "{\"sku\":\"\\u00fcn\\u00efcode \\ud83d\\ude00 \\\"q\\\" \\\\ \\n\",\"quantity\":1}",
                        new Item("ünïcode 😀 \"q\" \\ \n", 1)));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void decodesEveryShapeAndReadsBackWhatItWrites(Type type, String json, Object expected) throws IOException {
        BodyCodec codec = codec(CodecLimits.DEFAULTS);
        assertEquals(expected, codec.reader(type).read(utf8(json)));
        assertEquals(expected, codec.reader(type).read(new ByteArrayInputStream(utf8(json))));

        byte[] written = write(codec, type, expected);
        assertEquals(expected, codec.reader(type).read(written), new String(written, StandardCharsets.UTF_8));
    }

    @Test
    void decodesListsOfGenericTypesInComponents() throws IOException {
        assumeTrue(readsListsOfGenericTypesInComponents());
        decodesEveryShapeAndReadsBackWhatItWrites(Grid.class, "{\"cells\":[{\"b\":[\"GREEN\"]}]}",
                new Grid(List.of(Map.of("b", Set.of(Colour.GREEN)))));
    }

    @Test
    void writesCompactUtf8WithoutEscapingTextThatNeedsNone() throws IOException {
        BodyCodec codec = codec(CodecLimits.DEFAULTS);
        assertEquals("{\"sku\":\"apple\",\"quantity\":2}",
                new String(write(codec, Item.class, new Item("apple", 2)), StandardCharsets.UTF_8));
        byte[] written = write(codec, Item.class, new Item("grüße ☕", 1));
        assertEquals("{\"sku\":\"grüße ☕\",\"quantity\":1}", new String(written, StandardCharsets.UTF_8));
    }

    @Test
    void readsJsonMediaTypesAndWritesApplicationJson() {
        BodyCodec codec = codec(CodecLimits.DEFAULTS);
        assertEquals("application/json", codec.writesMediaType());
        assertTrue(codec.reads("application/json"));
        assertTrue(codec.reads("application/vnd.orders.v2+json"));
        assertTrue(codec.reads("application/merge-patch+json"));
        for (String other : List.of("text/plain", "application/jsonl", "text/json", "application/xml",
                "application/json-seq", "application/+json", "")) {
            assertEquals(false, codec.reads(other), other);
        }
    }

    @Test
    void isFoundOnTheClassPathWithoutConfiguration() {
        BodyCodec found = Codecs.discover(getClass().getClassLoader()).orElseThrow();
        assertEquals(codec(CodecLimits.DEFAULTS).getClass(), found.getClass());
    }

    @Test
    void leavesTheStreamOpenAfterWriting() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        codec(CodecLimits.DEFAULTS).writer(Item.class).write(new Item("a", 1), out);
        assertEquals(false, closed[0]);
        assertEquals("{\"sku\":\"a\",\"quantity\":1}", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void ignoresUnknownPropertiesByDefault() {
        assertEquals(new Item("apple", 2), read(CodecLimits.DEFAULTS, Item.class,
                "{\"sku\":\"apple\",\"extra\":{\"deep\":[1,2,{\"x\":null}]},\"quantity\":2}"));
    }

    @Test
    void refusesUnknownPropertiesWhenConfiguredNamingThem() {
        assertRefused(CodecLimits.DEFAULTS.withRefuseUnknownProperties(true), Order.class,
                order("\"note\":null").replace("\"sku\":\"pear\"", "\"sku\":\"pear\",\"colour\":\"RED\""),
                Kind.UNKNOWN_PROPERTY, "\\$\\.items\\[1\\]\\.colour", "unknown property 'colour'");
    }

    @Test
    void refusesMalformedJsonAtAByteOffset() {
        assertRefused(Item.class, "{\"sku\":\"apple\",", Kind.MALFORMED, BYTE_OFFSET, "malformed JSON");
        assertRefused(Item.class, "{\"sku\" \"apple\"}", Kind.MALFORMED, BYTE_OFFSET, "malformed JSON");
        assertRefused(Item.class, "", Kind.MALFORMED, BYTE_OFFSET, "malformed JSON");
        assertRefused(Types.list(Item.class), "[{\"sku\":\"a\",\"quantity\":1}", Kind.MALFORMED, BYTE_OFFSET,
                "malformed JSON");
        // Cut inside the next property's name, where avaje-jsonb's parser fails out of bounds (WardContract found
        // it answering 500).
        assertRefused(Item.class, "{\"sku\":\"\",\"", Kind.MALFORMED, BYTE_OFFSET, "malformed JSON");
        assertRefused(Item.class, "{\"sku\":\"apple\",\"quan", Kind.MALFORMED, BYTE_OFFSET, "malformed JSON");
        assertRefused(Item.class, "{\"sku\":\"app", Kind.MALFORMED, BYTE_OFFSET, "malformed JSON");
    }

    @Test
    void neverRepeatsMoreThanAHundredCharactersOfTheBody() {
        String garbage = "\u0001" + "x".repeat(5_000);
        BodyDecodingException refused = refused(CodecLimits.DEFAULTS, Item.class,
                "{\"sku\":\"a\",\"quantity\":" + garbage + "}");
        assertTrue(refused.getMessage().length() < 300, refused.getMessage());
        assertTrue(refused.getMessage().chars().noneMatch(c -> c < 0x20), refused.getMessage());
    }

    @Test
    void refusesAMissingComponentNamingIt() {
        assertRefused(Item.class, "{\"sku\":\"apple\"}", Kind.MISSING, "\\$\\.quantity",
                "missing required property 'quantity'");
        assertRefused(Order.class, order("\"note\":null").replace("\"sku\":\"pear\",", ""),
                Kind.MISSING, "\\$\\.items\\[1\\]\\.sku", "missing required property 'sku'");
    }

    @Test
    void refusesNullForANonOptionalComponent() {
        assertRefused(Item.class, "{\"sku\":null,\"quantity\":1}", Kind.MISSING, "\\$\\.sku",
                "missing required property 'sku'");
    }

    @Test
    void refusesAWrongTypeNamingFieldAndExpectedType() {
        assertRefused(Item.class, "{\"sku\":\"apple\",\"quantity\":\"two\"}", Kind.WRONG_TYPE,
                "\\$\\.quantity", "expected a whole number (int)");
        assertRefused(Item.class, "{\"sku\":{},\"quantity\":1}", Kind.WRONG_TYPE, "\\$\\.sku",
                "expected a string");
        assertRefused(Order.class, order("\"note\":null").replace("\"quantity\":1", "\"quantity\":true"),
                Kind.WRONG_TYPE, "\\$\\.items\\[1\\]\\.quantity", "expected a whole number (int)");
        assertRefused(Order.class, order("\"note\":null").replace("\"RED\"", "\"PURPLE\""),
                Kind.WRONG_TYPE, "\\$\\.colour", "expected one of RED, GREEN");
        assertRefused(Order.class, order("\"note\":null").replace(ID.toString(), "not-a-uuid"),
                Kind.WRONG_TYPE, "\\$\\.id", "expected a UUID");
        assertRefused(Order.class, order("\"note\":null").replace("2024-05-01T10:15:30Z", "yesterday"),
                Kind.WRONG_TYPE, "\\$\\.placedAt", "expected an Instant");
        assertRefused(Order.class, order("\"note\":null").replace("\"tags\":[\"gift\"]", "\"tags\":\"gift\""),
                Kind.WRONG_TYPE, "\\$\\.tags", "expected an array");
    }

    @Test
    void letsTheTypesOwnValidationThrowAsItIs() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> read(CodecLimits.DEFAULTS, Quantity.class, "{\"value\":0}"));
        assertEquals("quantity must be at least 1", refused.getMessage());
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        // The object itself is one level: 63 arrays inside it make 64.
        assertEquals(new Item("a", 1), read(CodecLimits.DEFAULTS, Item.class, withIgnored(nested(63))));
        assertRefused(Item.class, withIgnored(nested(64)), Kind.TOO_DEEP, BYTE_OFFSET,
                "nested deeper than 64");
        assertRefused(CodecLimits.DEFAULTS.withMaxDepth(3), Item.class, withIgnored(nested(3)), Kind.TOO_DEEP,
                BYTE_OFFSET, "nested deeper than 3");
    }

    @Test
    void refusesVeryDeepNestingWithoutRunningOutOfStack() {
        assertRefused(Item.class, withIgnored("[".repeat(200_000)), Kind.TOO_DEEP, BYTE_OFFSET, "nested deeper than 64");
    }

    @Test
    void refusesStringsLongerThanTheLimit() {
        String longest = "s".repeat(CodecLimits.DEFAULTS.maxStringLength());
        assertEquals(new Item(longest, 1), read(CodecLimits.DEFAULTS, Item.class, item("\"" + longest + "\"")));
        assertRefused(Item.class, item("\"" + longest + "s\""), Kind.STRING_TOO_LONG, BYTE_OFFSET,
                "string longer than 32768 characters");
        // Characters as Java counts them, escapes decoded, property names included ("quantity" is 8).
        CodecLimits eight = CodecLimits.DEFAULTS.withMaxStringLength(8);
        assertEquals(new Item("ü😀abcde", 1), read(eight, Item.class, item("\"\\u00fc😀abcde\"")));
        assertRefused(eight, Item.class, item("\"\\u00fc12345678\""), Kind.STRING_TOO_LONG, BYTE_OFFSET,
                "string longer than 8 characters");
        assertRefused(eight, Item.class, "{\"sku\":\"a\",\"quantity\":1,\"unwanted1\":1}",
                Kind.STRING_TOO_LONG, BYTE_OFFSET, "string longer than 8 characters");
    }

    @Test
    void refusesNumbersWithMoreDigitsThanTheLimit() {
        int limit = CodecLimits.DEFAULTS.maxNumberLength();
        String longest = "-1." + "5".repeat(limit - 1);
        assertEquals(new BigDecimal(longest), ((Payment) read(CodecLimits.DEFAULTS, Payment.class,
                payment(longest))).amount());
        assertRefused(Payment.class, payment(longest + "5"), Kind.NUMBER_TOO_LONG, BYTE_OFFSET,
                "number longer than " + limit + " digits");
        assertRefused(Item.class, withIgnored("1".repeat(limit + 1)), Kind.NUMBER_TOO_LONG, BYTE_OFFSET,
                "number longer than " + limit + " digits");
        CodecLimits four = CodecLimits.DEFAULTS.withMaxNumberLength(4);
        assertEquals(new BigDecimal("-1.25e3"), ((Payment) read(four, Payment.class, payment("-1.25e3"))).amount());
        assertRefused(four, Payment.class, payment("12.345"), Kind.NUMBER_TOO_LONG, BYTE_OFFSET,
                "number longer than 4 digits");
    }

    @Test
    void refusesContentAfterTheValue() {
        assertEquals(new Item("a", 1), read(CodecLimits.DEFAULTS, Item.class, item("\"a\"") + " \r\n\t"));
        assertRefused(Item.class, item("\"a\"") + " x", Kind.MALFORMED, BYTE_OFFSET, "malformed JSON");
        assertRefused(Item.class, item("\"a\"") + "{}", Kind.MALFORMED, BYTE_OFFSET, "malformed JSON");
        assertRefused(Colour.class, "\"RED\" \"GREEN\"", Kind.MALFORMED, BYTE_OFFSET, "malformed JSON");
    }

    @Test
    void leavesTheStreamOpenAfterReading() throws IOException {
        boolean[] closed = {false};
        ByteArrayInputStream body = new ByteArrayInputStream(utf8(item("\"a\""))) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertEquals(new Item("a", 1), codec(CodecLimits.DEFAULTS).reader(Item.class).read(body));
        assertEquals(false, closed[0]);
    }

    private static String order(String last) {
        return "{\"id\":\"" + ID + "\",\"placedAt\":\"2024-05-01T10:15:30Z\",\"due\":\"2024-05-03\","
                + "\"colour\":\"RED\",\"items\":" + ITEMS + ",\"tags\":[\"gift\"],\"shelves\":{\"top\":" + ITEMS
                + "}" + (last.isEmpty() ? "" : "," + last) + "}";
    }

    private static Order withoutNote() {
        return new Order(ID, Instant.parse("2024-05-01T10:15:30Z"), LocalDate.parse("2024-05-03"), Colour.RED,
                ITEM_LIST, Set.of("gift"), Map.of("top", ITEM_LIST), Optional.empty());
    }

    private static String item(String sku) {
        return "{\"sku\":" + sku + ",\"quantity\":1}";
    }

    private static String payment(String amount) {
        return "{\"amount\":" + amount + ",\"cents\":1,\"rate\":1.0,\"settled\":false}";
    }

    private static String withIgnored(String value) {
        return "{\"sku\":\"a\",\"ignored\":" + value + ",\"quantity\":1}";
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private Object read(CodecLimits limits, Type type, String json) {
        return codec(limits).reader(type).read(utf8(json));
    }

    private void assertRefused(Type type, String json, Kind kind, String location, String problem) {
        assertRefused(CodecLimits.DEFAULTS, type, json, kind, location, problem);
    }

    private void assertRefused(CodecLimits limits, Type type, String json, Kind kind, String location,
                               String problem) {
        BodyDecodingException fromBytes = refused(limits, type, json);
        assertEquals(kind, fromBytes.kind(), fromBytes.getMessage());
        assertTrue(fromBytes.location().matches(location), fromBytes.getMessage());
        assertTrue(fromBytes.problem().contains(problem), fromBytes.getMessage());
        assertEquals(fromBytes.location() + ": " + fromBytes.problem(), fromBytes.getMessage());

        BodyDecodingException fromStream = assertThrows(BodyDecodingException.class,
                () -> codec(limits).reader(type).read(new ByteArrayInputStream(utf8(json))));
        assertEquals(kind, fromStream.kind(), fromStream.getMessage());
        assertTrue(fromStream.location().matches(location), fromStream.getMessage());
        assertTrue(fromStream.problem().contains(problem), fromStream.getMessage());
    }

    private BodyDecodingException refused(CodecLimits limits, Type type, String json) {
        return assertThrows(BodyDecodingException.class, () -> codec(limits).reader(type).read(utf8(json)));
    }

    private static byte[] write(BodyCodec codec, Type type, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            codec.writer(type).write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
