package dev.ward;

import java.util.Objects;

/**
 * The request's id, as sent back in {@code X-Request-Id}: the client's when it sent a safe one, else Ward's. Take
 * it as a handler or middleware parameter to log it, pass it downstream, or key the work a compensation may have
 * to undo: a {@link Compensable} route's compensation receives the same value as
 * {@link CompensationContext#idempotencyKey()}.
 */
public final class RequestId {
    private final String value;

    public RequestId(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestId id && id.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
