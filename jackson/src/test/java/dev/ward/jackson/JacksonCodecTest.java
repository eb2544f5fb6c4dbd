package dev.ward.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.ward.undertow.BodyDecodingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JacksonCodecTest {
    public record LineItem(String unitPrice) {
    }

    @Test
    void usesTheTeamsOwnMapperAsItIs() throws IOException {
        ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        JacksonCodec codec = new JacksonCodec(mapper);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.writer(LineItem.class).write(new LineItem("1.50"), out);
        assertEquals("{\"unit_price\":\"1.50\"}", out.toString(StandardCharsets.UTF_8));
        assertEquals(new LineItem("2.00"), codec.reader(LineItem.class).read(utf8("{\"unit_price\":\"2.00\"}")));

        // A plain ObjectMapper refuses unknown properties; its refusal is still worded as Ward's.
        BodyDecodingException refused = assertThrows(BodyDecodingException.class,
                () -> codec.reader(LineItem.class).read(utf8("{\"unitPrice\":\"2.00\"}")));
        assertEquals("$.unitPrice: unknown property 'unitPrice'", refused.getMessage());
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
