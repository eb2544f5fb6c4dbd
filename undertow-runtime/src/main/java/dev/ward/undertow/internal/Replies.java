package dev.ward.undertow.internal;

import dev.ward.Response;

/**
 * Turns what a handler method returned into a {@link Response}, as its declared return type says. A handler
 * that returns {@code null} has broken its contract: that is a failure (500), never an empty success.
 */
public final class Replies {
    private static final Response NO_CONTENT = Response.noContent();
    private static final String OCTET_STREAM = "application/octet-stream";

    private Replies() {
    }

    /** For {@code void} handlers: 204. */
    public static Response noContent() {
        return NO_CONTENT;
    }

    /** For {@code String} handlers: 200 {@code text/plain; charset=UTF-8}. */
    public static Response text(String text) {
        return Response.ok(nonNull(text));
    }

    /** For {@code byte[]} handlers: 200 {@code application/octet-stream}. */
    public static Response bytes(byte[] bytes) {
        return Response.status(200).body(nonNull(bytes), OCTET_STREAM);
    }

    /** For {@code Response} handlers: the response as it is. */
    public static Response response(Response response) {
        return nonNull(response);
    }

    private static <T> T nonNull(T result) {
        if (result == null) {
            throw new NullPointerException("the handler returned null; return a value, or Response.noContent()");
        }
        return result;
    }
}
