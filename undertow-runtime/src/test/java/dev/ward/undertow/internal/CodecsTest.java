package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ward.undertow.BodyCodec;
import dev.ward.undertow.BodyReader;
import dev.ward.undertow.BodyWriter;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodecsTest {
    @Test
    void findsNothingWhereNoCodecIsOnTheClassPath() {
        // ward-undertow ships no codec of its own.
        assertEquals(Optional.empty(), Codecs.discover(CodecsTest.class.getClassLoader()));
        assertEquals(Optional.empty(), Codecs.single(List.of()));
    }

    @Test
    void findsTheOnlyCodec() {
        BodyCodec only = new First();
        assertSame(only, Codecs.single(List.of(only)).orElseThrow());
    }

    @Test
    void refusesToGuessBetweenTwoNamingBoth() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Codecs.single(List.of(new First(), new Second())));
        assertEquals("more than one body codec is on the class path: " + First.class.getName() + ", "
                + Second.class.getName() + ". Choose one with WardServer.builder().codec(...), or keep only one of"
                + " ward-json and ward-jackson among the dependencies", refused.getMessage());
    }

    private static class First implements BodyCodec {
        @Override
        public boolean reads(String mediaType) {
            return false;
        }

        @Override
        public String writesMediaType() {
            return "application/x-first";
        }

        @Override
        public <T> BodyReader<T> reader(Type type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> BodyWriter<T> writer(Type type) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class Second extends First {
    }
}
