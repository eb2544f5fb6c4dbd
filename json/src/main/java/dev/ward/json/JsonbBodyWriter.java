package dev.ward.json;

import dev.ward.undertow.BodyWriter;
import io.avaje.json.JsonWriter;
import io.avaje.json.stream.JsonOutput;
import io.avaje.jsonb.JsonType;
import io.avaje.jsonb.Jsonb;
import java.io.IOException;
import java.io.OutputStream;

/** Writes one type through the adapter resolved once, when the route was built. */
final class JsonbBodyWriter<T> implements BodyWriter<T> {
    private final Jsonb jsonb;
    private final JsonType<T> type;

    JsonbBodyWriter(Jsonb jsonb, JsonType<T> type) {
        this.jsonb = jsonb;
        this.type = type;
    }

    @Override
    public void write(T value, OutputStream out) throws IOException {
        // Closing the writer returns its buffer to avaje-jsonb's pool and flushes; the stream stays open.
        try (JsonWriter writer = jsonb.writer(new Unclosed(out))) {
            type.toJson(value, writer);
        }
    }

    /**
     * The caller's stream as avaje-jsonb's output, without closing it: one object per write in place of avaje-jsonb's
     * own wrapper and a {@code FilterOutputStream} around the stream (whose {@code write(byte[], int, int)} would
     * write one byte at a time).
     */
    private record Unclosed(OutputStream out) implements JsonOutput {
        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        @Override
        public OutputStream unwrapOutputStream() {
            return out;
        }
    }
}
