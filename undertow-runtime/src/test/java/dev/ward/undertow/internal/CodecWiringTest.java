package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ward.undertow.BodyCodec;
import dev.ward.undertow.BodyReader;
import dev.ward.undertow.BodyWriter;
import dev.ward.undertow.Routes;
import dev.ward.undertow.WardServer;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a server finds the codec of its JSON routes, and what it says when it cannot. */
class CodecWiringTest {
    static final class OrderHandlersRoutes implements Routes {
        @Override
        public void register(RouteRegistry registry) {
            registry.route("GET", "/health").handler(exchange -> exchange.respond(Replies.text("ok")));
            registry.route("POST", "/orders").reads(Types.list(String.class)).writes(String.class)
                    .handler(exchange -> exchange.respond(exchange.encode(exchange.bodyValue())));
        }
    }

    /** Records what it was asked for; reads nothing. */
    static final class RecordingCodec implements BodyCodec {
        final List<String> asked = new ArrayList<>();
        private final String refused;

        RecordingCodec(String refused) {
            this.refused = refused;
        }

        @Override
        public boolean reads(String mediaType) {
            return true;
        }

        @Override
        public String writesMediaType() {
            return MediaTypes.JSON;
        }

        @Override
        public <T> BodyReader<T> reader(Type type) {
            asked.add("reader " + type.getTypeName());
            return null;
        }

        @Override
        public <T> BodyWriter<T> writer(Type type) {
            asked.add("writer " + type.getTypeName());
            if (type.getTypeName().equals(refused)) {
                throw new IllegalArgumentException("no adapter for " + refused);
            }
            return null;
        }
    }

    @Test
    void aRouteThatNeedsACodecWhenNoneIsOnTheClassPathFailsBuildNamingTheRouteAndTheModule() {
        // This module's test class path has no codec: discovery finds none.
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> WardServer.builder().port(0).routes(new OrderHandlersRoutes()).build());
        assertEquals("route POST /orders (OrderHandlersRoutes) needs to read JSON as java.util.List<java.lang.String>,"
                + " but no body codec is on the class path: add the dependency dev.ward:ward-json (or "
                + "dev.ward:ward-jackson), or pass one with WardServer.builder().codec(...)", failure.getMessage());
    }

    @Test
    void theGivenCodecIsAskedOnceAtBuildForEveryTypeOfTheRoute() {
        RecordingCodec codec = new RecordingCodec("");
        WardServer.builder().port(0).codec(codec).routes(new OrderHandlersRoutes()).build().close();
        assertEquals(List.of("reader java.util.List<java.lang.String>", "writer java.lang.String"), codec.asked);
    }

    @Test
    void aTypeTheCodecRefusesFailsBuildNamingTheRouteAndTheCodecsReason() {
        RecordingCodec codec = new RecordingCodec("java.lang.String");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> WardServer.builder().port(0).codec(codec).routes(new OrderHandlersRoutes()).build());
        assertEquals("route POST /orders (OrderHandlersRoutes) needs to write JSON as java.lang.String, which "
                + RecordingCodec.class.getName() + " refuses: no adapter for java.lang.String", failure.getMessage());
        assertSame(IllegalArgumentException.class, failure.getCause().getClass());
    }
}
