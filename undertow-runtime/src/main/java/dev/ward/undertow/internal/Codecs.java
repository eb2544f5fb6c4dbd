package dev.ward.undertow.internal;

import dev.ward.undertow.BodyCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the {@link BodyCodec} on the class path, for a server built without one chosen. */
public final class Codecs {
    private Codecs() {
    }

    /**
     * The one codec that {@code loader} finds, if any.
     *
     * @throws IllegalStateException if it finds more than one: which one to use is the user's choice
     */
    public static Optional<BodyCodec> discover(ClassLoader loader) {
        return single(ServiceLoader.load(BodyCodec.class, loader));
    }

    static Optional<BodyCodec> single(Iterable<BodyCodec> found) {
        List<String> names = new ArrayList<>();
        BodyCodec only = null;
        for (BodyCodec codec : found) {
            names.add(codec.getClass().getName());
            only = codec;
        }
        if (names.size() > 1) {
            throw new IllegalStateException("more than one body codec is on the class path: "
                    + String.join(", ", names) + ". Choose one with WardServer.builder().codec(...),"
                    + " or keep only one of ward-json and ward-jackson among the dependencies");
        }
        return Optional.ofNullable(only);
    }
}
