package dev.ward.undertow;

/**
 * The request cannot be bound to the route's parameters: the client's fault, answered with a 4xx problem whose
 * detail is this exception's message. Messages are built only from parameter names and at most 100 characters
 * of escaped input, so they are safe to send back.
 */
public final class BindException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public BindException(int status, String detail) {
        super(detail, null, false, false);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a binding failure is a 4xx, not " + status);
        }
        this.status = status;
    }

    public BindException(String detail) {
        this(400, detail);
    }

    public int status() {
        return status;
    }
}
