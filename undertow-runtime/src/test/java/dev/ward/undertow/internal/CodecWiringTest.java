package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.undertow.BodyCodec;
import dev.ward.undertow.BodyReader;
import dev.ward.undertow.BodyWriter;
import dev.ward.undertow.Routes;
import dev.ward.undertow.WardServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

    /** Reads and writes text/csv lines as a String: a codec that is not JSON. */
    static final class CsvCodec implements BodyCodec {
        @Override
        public boolean reads(String mediaType) {
            return mediaType.equals("text/csv");
        }

        @Override
        public String writesMediaType() {
            return "text/csv";
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> BodyReader<T> reader(Type type) {
            return (BodyReader<T>) new BodyReader<String>() {
                @Override
                public String read(byte[] body) {
                    return new String(body, StandardCharsets.UTF_8);
                }

                @Override
                public String read(InputStream body) throws IOException {
                    return read(body.readAllBytes());
                }
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> BodyWriter<T> writer(Type type) {
            BodyWriter<String> writer = (value, out) -> out.write(value.getBytes(StandardCharsets.UTF_8));
            return (BodyWriter<T>) writer;
        }
    }

    @Test
    void theCodecDecidesWhichMediaTypesABodyMayHave() throws Exception {
        Routes echo = registry -> registry.route("POST", "/lines").reads(String.class).writes(String.class)
                .handler(exchange -> exchange.respond(exchange.encode(exchange.<String>bodyValue().toUpperCase())));
        try (TestServer server = TestServer.start(echo, builder -> builder.codec(new CsvCodec()))) {
            HttpResponse<String> csv = server.send(HttpRequest.newBuilder(server.uri("/lines"))
                    .header("Content-Type", "text/csv; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString("a,b")));
            assertEquals(200, csv.statusCode(), csv.body());
            assertEquals("A,B", csv.body());
            HttpResponse<String> json = server.send(HttpRequest.newBuilder(server.uri("/lines"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[]")));
            assertEquals(415, json.statusCode());
            assertTrue(json.body().contains("\"detail\":\"the body's Content-Type 'application/json' is not one this "
                    + "route reads; send text/csv\""), json.body());
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
