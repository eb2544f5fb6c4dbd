package dev.ward;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The time a request has left. Take it as a handler parameter to pass the route's {@link Timeout} on to
 * downstream calls instead of letting them wait forever:
 *
 * <pre>{@code
 * @Get("/stock/{sku}") @Timeout(300)
 * public String stock(@PathParam("sku") String sku, Deadline deadline) throws Exception {
 *     HttpRequest request = deadline.bound(HttpRequest.newBuilder(inventoryUri(sku))).build();
 *     return client.send(request, BodyHandlers.ofString()).body();
 * }
 * }</pre>
 *
 * On a route without {@code @Timeout} the deadline is {@link #none()}: never expired, and it bounds nothing.
 */
public final class Deadline {
    private static final Deadline NONE = new Deadline(Long.MAX_VALUE, true);

    private final long expiresAtNanos;
    private final boolean unbounded;

    private Deadline(long expiresAtNanos, boolean unbounded) {
        this.expiresAtNanos = expiresAtNanos;
        this.unbounded = unbounded;
    }

    /** A deadline at the given {@link System#nanoTime()} instant. */
    public static Deadline atNanoTime(long expiresAtNanos) {
        return new Deadline(expiresAtNanos, false);
    }

    /** A deadline the given time from now. */
    public static Deadline after(Duration timeout) {
        return atNanoTime(System.nanoTime() + timeout.toNanos());
    }

    /** No deadline. */
    public static Deadline none() {
        return NONE;
    }

    /** Whether this deadline bounds anything at all. */
    public boolean isBounded() {
        return !unbounded;
    }

    /** The time left, never negative; {@code Duration.ofSeconds(Long.MAX_VALUE)} for {@link #none()}. */
    public Duration remaining() {
        return unbounded ? Duration.ofSeconds(Long.MAX_VALUE) : Duration.ofNanos(remainingNanos());
    }

    /** Whether the deadline has passed. */
    public boolean expired() {
        return !unbounded && remainingNanos() == 0;
    }

    /**
     * Bounds an outgoing {@code java.net.http} request by the time left.
     *
     * @throws IllegalStateException when the deadline has already passed, so no
     *     doomed call is started
     */
    public HttpRequest.Builder bound(HttpRequest.Builder request) {
        if (unbounded) {
            return request;
        }
        long nanos = remainingNanos();
        if (nanos == 0) {
            throw new IllegalStateException("the request's deadline has passed");
        }
        return request.timeout(Duration.ofNanos(nanos));
    }

    /** Waits for a future at most until the deadline. */
    public <T> T await(Future<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return unbounded ? future.get() : future.get(remainingNanos(), TimeUnit.NANOSECONDS);
    }

    private long remainingNanos() {
        return Math.max(0, expiresAtNanos - System.nanoTime());
    }

    @Override
    public String toString() {
        return unbounded ? "Deadline[none]" : "Deadline[" + remaining().toMillis() + " ms left]";
    }
}
