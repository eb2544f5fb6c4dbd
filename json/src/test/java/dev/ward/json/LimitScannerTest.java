package dev.ward.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ward.undertow.BodyDecodingException;
import dev.ward.undertow.CodecLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The scanner keeps its state across reads, so a body split anywhere gives the same verdict as the whole. */
class LimitScannerTest {
    private static final CodecLimits LIMITS = new CodecLimits(3, 4, 3, false);

    @Test
    void acceptsWhatIsWithinTheLimitsHoweverTheBodyIsSplit() {
        accepted("{\"ab\\\"c\":[[1.2e1,\"\\u00fc😀x\"]],\"b\":null, \"c\":true}");
        accepted("  \"abcd\"  ");
        accepted("-123");
    }

    @Test
    void refusesAtTheSameOffsetHoweverTheBodyIsSplit() {
        refused("[[[[]]]]", "byte offset 3: nested deeper than 3");
        refused("{\"a\":\"abc😀\"}", "byte offset 9: string longer than 4 characters");
        refused("{\"a\":\"ab\\u00fc\\n\\\"\"}", "byte offset 17: string longer than 4 characters");
        refused("[1234]", "byte offset 4: number longer than 3 digits");
        refused("[-1.2e34]", "byte offset 7: number longer than 3 digits");
        refused("{} {}", "byte offset 3: malformed JSON: content after the value");
        refused("12 3", "byte offset 3: malformed JSON: content after the value");
        refused("\"a\"]", "byte offset 3: malformed JSON: content after the value");
    }

    private static void accepted(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        new LimitScanner(LIMITS).scan(body, 0, body.length);
        LimitScanner byteByByte = new LimitScanner(LIMITS);
        for (int i = 0; i < body.length; i++) {
            byteByByte.scan(body, i, 1);
        }
    }

    private static void refused(String json, String message) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        BodyDecodingException whole = assertThrows(BodyDecodingException.class,
                () -> new LimitScanner(LIMITS).scan(body, 0, body.length));
        assertEquals(message, whole.getMessage());
        LimitScanner byteByByte = new LimitScanner(LIMITS);
        BodyDecodingException split = assertThrows(BodyDecodingException.class, () -> {
            for (int i = 0; i < body.length; i++) {
                byteByByte.scan(body, i, 1);
            }
        });
        assertEquals(message, split.getMessage());
    }
}
