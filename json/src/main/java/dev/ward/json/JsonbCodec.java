package dev.ward.json;

import dev.ward.undertow.BodyCodec;
import dev.ward.undertow.BodyReader;
import dev.ward.undertow.BodyWriter;
import dev.ward.undertow.CodecLimits;
import io.avaje.jsonb.JsonType;
import io.avaje.jsonb.Jsonb;
import java.lang.reflect.Type;

/**
 * JSON bodies on avaje-jsonb, whose adapters are generated at compile time: Ward's processor imports every body and
 * result type (see {@code docs/json.md}), so records need no annotation. What {@link java.util.ServiceLoader}
 * finds: {@code new JsonbCodec()}, with {@link CodecLimits#DEFAULTS}.
 */
public final class JsonbCodec implements BodyCodec {
    /** The longest string avaje-jsonb's parser reads: it doubles a 4,096-character buffer up to 50,000. */
    static final int MAX_STRING_LENGTH = 32_768;
    /** The most digits avaje-jsonb parses in a number of 100 characters that also has a sign, point and exponent. */
    static final int MAX_NUMBER_LENGTH = 96;

    private final Jsonb jsonb;
    private final CodecLimits limits;

    public JsonbCodec() {
        this(CodecLimits.DEFAULTS);
    }

    /**
     * @throws IllegalArgumentException if the limits allow strings longer than 32,768 characters or numbers of
     *                                  more than 96 digits, which avaje-jsonb cannot read (ward-jackson can)
     */
    public JsonbCodec(CodecLimits limits) {
        if (limits.maxStringLength() > MAX_STRING_LENGTH || limits.maxNumberLength() > MAX_NUMBER_LENGTH) {
            throw new IllegalArgumentException("ward-json reads strings of at most " + MAX_STRING_LENGTH
                    + " characters and numbers of at most " + MAX_NUMBER_LENGTH + " digits (avaje-jsonb's limits),"
                    + " not " + limits.maxStringLength() + " and " + limits.maxNumberLength()
                    + ": lower the limits or use ward-jackson");
        }
        this.limits = limits;
        this.jsonb = Jsonb.builder()
                // Unknown properties and nulls are Ward's to refuse (TrackingReader), with the path in the error.
                .failOnUnknown(false)
                .failOnNullPrimitives(true)
                .serializeNulls(false)
                .serializeEmpty(true)
                .build();
    }

    @Override
    public <T> BodyReader<T> reader(Type type) {
        return new JsonbBodyReader<>(jsonb, this.<T>type(type), Shape.of(type), limits);
    }

    @Override
    public <T> BodyWriter<T> writer(Type type) {
        return new JsonbBodyWriter<>(jsonb, this.<T>type(type));
    }

    private <T> JsonType<T> type(Type type) {
        if (!jsonb.hasAdapter(type)) {
            throw new IllegalArgumentException("ward-json has no adapter for " + type.getTypeName() + ": Ward's"
                    + " processor generates one for every body and result type of a route; for another type,"
                    + " annotate it with @io.avaje.jsonb.Json or list it in @Json.Import");
        }
        return jsonb.type(type);
    }
}
