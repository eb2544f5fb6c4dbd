package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.undertow.BodyDecodingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecodingErrorsTest {
    private enum Size { S, M, L }

    private record Line(String sku) {
    }

    @Test
    void writesPlainNamesAsDotsAndOthersQuoted() {
        StringBuilder path = new StringBuilder(DecodingErrors.ROOT);
        DecodingErrors.appendProperty(path, "items");
        DecodingErrors.appendIndex(path, 2);
        DecodingErrors.appendProperty(path, "unit price");
        DecodingErrors.appendProperty(path, "it's\n");
        DecodingErrors.appendProperty(path, "2nd");
        assertEquals("$.items[2]['unit price']['it\\'s\\u000a']['2nd']", path.toString());
    }

    @Test
    void cutsLongNamesToTheEchoLimit() {
        String path = DecodingErrors.appendProperty(new StringBuilder("$"), "n".repeat(500)).toString();
        assertEquals("$['" + "n".repeat(BodyDecodingException.MAX_ECHO) + "...']", path);
    }

    @Test
    void describesWhatAValueShouldHaveBeen() {
        assertEquals("a whole number (int)", DecodingErrors.describe(int.class));
        assertEquals("a whole number (Long)", DecodingErrors.describe(Long.class));
        assertEquals("a number (BigDecimal)", DecodingErrors.describe(BigDecimal.class));
        assertEquals("true or false", DecodingErrors.describe(boolean.class));
        assertEquals("a string", DecodingErrors.describe(String.class));
        assertEquals("a UUID", DecodingErrors.describe(UUID.class));
        assertEquals("an Instant", DecodingErrors.describe(Instant.class));
        assertEquals("one of S, M, L", DecodingErrors.describe(Size.class));
        assertEquals("an object (Line)", DecodingErrors.describe(Line.class));
        assertEquals("an array", DecodingErrors.describe(Types.list(Line.class)));
        assertEquals("an object", DecodingErrors.describe(Types.map(Line.class)));
        assertEquals("a string", DecodingErrors.describe(Types.optional(String.class)));
    }

    @Test
    void quotesInputOnOneLineCutToTheEchoLimit() {
        assertEquals("'a\\u000ab\\u007f'", BodyDecodingException.quote("a\nb\u007f"));
        assertEquals("'" + "x".repeat(100) + "'...", BodyDecodingException.quote("x".repeat(101)));
    }
}
