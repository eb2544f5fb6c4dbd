package dev.ward.json;

import dev.ward.undertow.BodyReader;
import dev.ward.undertow.CodecLimits;
import io.avaje.json.JsonReader;
import io.avaje.jsonb.JsonType;
import io.avaje.jsonb.Jsonb;
import java.io.InputStream;

/** Reads one type through the adapter and shape resolved once, when the route was built. */
final class JsonbBodyReader<T> implements BodyReader<T> {
    private final Jsonb jsonb;
    private final JsonType<T> type;
    private final Shape shape;
    private final CodecLimits limits;

    JsonbBodyReader(Jsonb jsonb, JsonType<T> type, Shape shape, CodecLimits limits) {
        this.jsonb = jsonb;
        this.type = type;
        this.shape = shape;
        this.limits = limits;
    }

    @Override
    public T read(byte[] body) {
        new LimitScanner(limits).scan(body, 0, body.length);
        return read(jsonb.reader(body));
    }

    @Override
    public T read(InputStream body) {
        return read(jsonb.reader(new ScanningInputStream(body, new LimitScanner(limits))));
    }

    private T read(JsonReader parser) {
        TrackingReader reader = new TrackingReader(parser, shape, limits.refuseUnknownProperties());
        try (reader) {
            reader.start();
            return type.fromJson(reader);
        } catch (RuntimeException e) {
            throw reader.refusal(e);
        }
    }
}
