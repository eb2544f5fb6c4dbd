package dev.ward.undertow.internal;

import dev.ward.undertow.BodyDecodingException;

/**
 * The request cannot be bound to the route's parameters: the client's fault, answered with a 4xx problem whose
 * detail is this exception's message. Messages are built only from parameter names and at most 100 characters
 * of escaped input, so they are safe to send back.
 */
public final class BindException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    /** Whether the body itself was refused (too large, unreadable, too slow): counted, and the connection closes. */
    private final boolean body;
    /** Where in the body the problem is ({@code $.items[2].quantity}), null when not about a body's content. */
    private final String location;

    public BindException(int status, String detail) {
        this(status, detail, false, null);
    }

    public BindException(String detail) {
        this(400, detail);
    }

    private BindException(int status, String detail, boolean body, String location) {
        super(detail, null, false, false);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a binding failure is a 4xx, not " + status);
        }
        this.status = status;
        this.body = body;
        this.location = location;
    }

    /** A JSON body that is not a value of the route's body type: 400, where and what, as the codec says. */
    static BindException undecodable(BodyDecodingException problem) {
        return new BindException(400, problem.problem(), false, problem.location());
    }

    /** The body is larger than {@code limit} bytes: 413. */
    static BindException bodyTooLarge(long limit) {
        return new BindException(413, "the request body is larger than the limit of " + limit + " bytes", true, null);
    }

    /** The body ended early or was malformed: 400. */
    static BindException bodyUnreadable() {
        return new BindException(400, "the request body could not be read: it was truncated or malformed", true, null);
    }

    /** The body did not arrive within {@code millis}: 408. */
    static BindException bodyTooSlow(long millis) {
        return new BindException(408, "the request body did not arrive within " + millis + " ms", true, null);
    }

    boolean refusesBody() {
        return body;
    }

    String location() {
        return location;
    }

    public int status() {
        return status;
    }
}
