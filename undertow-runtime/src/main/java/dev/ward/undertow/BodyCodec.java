package dev.ward.undertow;

import dev.ward.undertow.internal.MediaTypes;
import java.lang.reflect.Type;

/**
 * Turns request bodies into values and values into response bodies, for one family of media types (JSON for
 * Ward's own codecs, {@code dev.ward:ward-json} and {@code dev.ward:ward-jackson}).
 *
 * <p>A codec on the class path is found through {@link java.util.ServiceLoader} (list the implementation in
 * {@code META-INF/services/dev.ward.undertow.BodyCodec}; it needs a public no-argument constructor). Ward asks
 * for a {@link BodyReader} or {@link BodyWriter} once per route while the server is built and keeps it, so
 * {@link #reader} and {@link #writer} may be slow; what they return must be thread-safe and fast.
 */
public interface BodyCodec {
    /**
     * Whether this codec reads bodies of the given media type: {@code type/subtype} in lower case, without
     * parameters (Ward strips {@code ; charset=...} first). By default the JSON types: {@code application/json}
     * and {@code application/*+json}.
     */
    default boolean reads(String mediaType) {
        return MediaTypes.isJson(mediaType);
    }

    /** The {@code Content-Type} of what this codec writes, without parameters; by default {@code application/json}. */
    default String writesMediaType() {
        return MediaTypes.JSON;
    }

    /**
     * The reader for values of {@code type}, a {@link Class} or a {@link java.lang.reflect.ParameterizedType}
     * such as {@code List<Order>}.
     *
     * @throws IllegalArgumentException if this codec cannot read that type; the message says why
     */
    <T> BodyReader<T> reader(Type type);

    /**
     * The writer for values of {@code type}.
     *
     * @throws IllegalArgumentException if this codec cannot write that type; the message says why
     */
    <T> BodyWriter<T> writer(Type type);
}
