package dev.ward.jackson;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.ward.undertow.BodyWriter;
import java.io.IOException;
import java.io.OutputStream;

/** Writes one type through a writer resolved once, when the route was built. */
final class JacksonBodyWriter<T> implements BodyWriter<T> {
    private final ObjectWriter writer;

    JacksonBodyWriter(ObjectWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write(T value, OutputStream out) throws IOException {
        writer.writeValue(out, value);
    }
}
