package dev.ward.testing;

/**
 * An {@code application/problem+json} answer (RFC 9457) as Ward writes it.
 *
 * @param type     the problem type, {@code about:blank} for Ward's own problems
 * @param title    the status's reason phrase
 * @param status   the HTTP status
 * @param detail   what went wrong, or null
 * @param location where in the request body it went wrong (a JSON path such as {@code $.lines[0].quantity}), or null
 * @param instance the request id
 */
public record Problem(String type, String title, int status, String detail, String location, String instance) {
    /** The request id the problem names, as {@code X-Request-Id} carries it. */
    public String requestId() {
        return instance;
    }
}
