package dev.ward.testing;

import dev.ward.undertow.BodyCodec;
import dev.ward.undertow.internal.JsonTree;
import java.lang.reflect.Type;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One answer a {@link WardClient} received: status, headers and body, readable as text, JSON values or a problem. */
public final class WardResponse {
    private final String request;
    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    private final BodyCodec codec;

    WardResponse(String request, int status, HttpHeaders headers, byte[] body, BodyCodec codec) {
        this.request = request;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.codec = codec;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The first value of the header {@code name}, if it was sent. */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The {@code Content-Type} as sent, parameters included; empty when there is none. */
    public String contentType() {
        return header("Content-Type").orElse("");
    }

    /** The {@code Content-Type} without parameters, in lower case: {@code application/json}. */
    String mediaType() {
        String type = contentType();
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The request id the server answered with ({@code X-Request-Id}). */
    public String requestId() {
        return header("X-Request-Id").orElseThrow(() -> new AssertionError(request + " answered without X-Request-Id"));
    }

    public byte[] bytes() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The JSON body decoded by the service's {@link BodyCodec} into {@code type}, a record for example. */
    public <T> T as(Class<T> type) {
        return as((Type) type);
    }

    /** The JSON body decoded into {@code type}, a {@code Class} or a parameterized type such as {@code List<Order>}. */
    public <T> T as(Type type) {
        if (codec == null) {
            throw new IllegalStateException("no BodyCodec is on the class path to decode " + request
                    + "'s body: add ward-json or ward-jackson to the test dependencies");
        }
        if (!codec.reads(mediaType())) {
            throw new AssertionError(request + " answered " + status + " with Content-Type '" + contentType()
                    + "', not JSON: " + text());
        }
        return codec.<T>reader(type).read(body);
    }

    /** The {@code application/problem+json} body; an {@link AssertionError} when the answer is not a problem. */
    public Problem problem() {
        if (!mediaType().equals("application/problem+json")) {
            throw new AssertionError(request + " answered " + status + " with Content-Type '" + contentType()
                    + "', not application/problem+json: " + text());
        }
        Map<String, Object> json = JsonTree.object(JsonTree.parse(text()), "the problem");
        Object status = json.get("status");
        return new Problem(string(json, "type"), string(json, "title"),
                status instanceof Long number ? number.intValue() : 0, string(json, "detail"),
                string(json, "location"), string(json, "instance"));
    }

    private static String string(Map<String, Object> json, String name) {
        return json.get(name) instanceof String value ? value : null;
    }

    @Override
    public String toString() {
        return request + " -> " + status + " " + contentType() + " " + text();
    }
}
