package dev.ward;

import dev.ward.internal.ResponseBodies;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP answer: status, headers and body. Immutable: every wither returns a new {@code Response}, so a
 * constant can be shared between requests and threads.
 *
 * <pre>{@code
 * return Response.status(201).header("Location", "/orders/" + id).body(json, "application/json");
 * }</pre>
 */
public final class Response {
    private static final String TEXT_PLAIN = "text/plain; charset=UTF-8";
    private static final byte[] EMPTY = new byte[0];

    static {
        ResponseBodies.install(new ResponseBodies.Access() {
            @Override
            public Response adopt(Response head, byte[] body, int length, String contentType) {
                Objects.checkFromIndexSize(0, length, body.length);
                return new Response(head.status, head.headers, body, length, Objects.requireNonNull(contentType));
            }

            @Override
            public ByteBuffer wrap(Response response) {
                return ByteBuffer.wrap(response.body, 0, response.length);
            }
        });
    }

    private final int status;
    private final List<Map.Entry<String, String>> headers;
    /** The body is its first {@code length} bytes: the runtime may hand over an encoder's buffer as it is. */
    private final byte[] body;
    private final int length;
    private final String contentType;

    private Response(int status, List<Map.Entry<String, String>> headers, byte[] body, String contentType) {
        this(status, headers, body, body.length, contentType);
    }

    private Response(int status, List<Map.Entry<String, String>> headers, byte[] body, int length,
                     String contentType) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.length = length;
        this.contentType = contentType;
    }

    /** 200 with a {@code text/plain; charset=UTF-8} body. */
    public static Response ok(String text) {
        Objects.requireNonNull(text, "text");
        return new Response(200, List.of(), text.getBytes(StandardCharsets.UTF_8), TEXT_PLAIN);
    }

    /** The given status with no body. */
    public static Response status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be 100..599, was " + status);
        }
        return new Response(status, List.of(), EMPTY, null);
    }

    /** 204 No Content. */
    public static Response noContent() {
        return status(204);
    }

    /**
     * This response with one more header. Names and values may not contain CR or LF, so user data placed in a
     * header can never split the response.
     */
    public Response header(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || !isToken(name)) {
            throw new IllegalArgumentException("not a valid header name: " + printable(name));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("header " + name + " has a CR, LF or NUL in its value");
            }
        }
        List<Map.Entry<String, String>> more = new ArrayList<>(headers.size() + 1);
        more.addAll(headers);
        more.add(Map.entry(name, value));
        return new Response(status, Collections.unmodifiableList(more), body, length, contentType);
    }

    /** This response with a {@code text/plain; charset=UTF-8} body. */
    public Response body(String text) {
        Objects.requireNonNull(text, "text");
        return new Response(status, headers, text.getBytes(StandardCharsets.UTF_8), TEXT_PLAIN);
    }

    /** This response with the given body and content type; the array is copied. */
    public Response body(byte[] bytes, String contentType) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
        return new Response(status, headers, bytes.clone(), contentType);
    }

    public int status() {
        return status;
    }

    /** The headers in the order they were added, content type excluded. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The first value of a header added with {@link #header}, compared without regard to case. */
    public Optional<String> headerValue(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return Optional.of(header.getValue());
            }
        }
        return Optional.empty();
    }

    /** The body's content type, empty when there is no body. */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** A read-only view of the body, without copying it. */
    public ByteBuffer bodyBuffer() {
        return ByteBuffer.wrap(body, 0, length).asReadOnlyBuffer();
    }

    /** A copy of the body. */
    public byte[] bodyBytes() {
        return Arrays.copyOf(body, length);
    }

    @Override
    public String toString() {
        return "Response[" + status + ", " + headers.size() + " headers, " + length + " body bytes]";
    }

    private static boolean isToken(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
