package dev.ward;

import java.util.Objects;

/**
 * Thrown by {@link Middleware} to answer a request itself and stop it before the route's handler runs, e.g.
 * {@code throw new Reject(Response.status(401).header("WWW-Authenticate", "Bearer"))}. Not a failure: it is not
 * logged as one, and no stack trace is captured.
 */
public final class Reject extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Response response;

    /** @param response the answer; its status must be 400 or above */
    public Reject(Response response) {
        super(null, null, false, false);
        this.response = Objects.requireNonNull(response, "response");
        if (response.status() < 400) {
            throw new IllegalArgumentException("a rejection answers with 4xx or 5xx, not " + response.status());
        }
    }

    public Response response() {
        return response;
    }

    @Override
    public String getMessage() {
        return "rejected with " + response.status();
    }
}
