package dev.ward;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON value with the status and headers to answer it with, or a problem in its place: what a route returns
 * when a plain {@code Order} (200) is not enough. The value is encoded by the server's codec, as a route's plain
 * result is; a problem is an RFC 9457 {@code application/problem+json} body. Immutable.
 *
 * <pre>{@code
 * @Post("/orders")
 * public Reply<Order> place(@Body OrderRequest request) {
 *     if (!inventory.reserve(request.sku(), request.quantity())) {
 *         return Reply.problem(409, "not enough " + request.sku() + " in stock");
 *     }
 *     Order order = orders.place(request);
 *     return Reply.created("/orders/" + order.id(), order);
 * }
 * }</pre>
 *
 * @param <T> the type of the value: a record, an enum, a final class with a constructor taking every field, or a
 *            {@code List}, {@code Set} or {@code Map<String, ...>} of them
 */
public final class Reply<T> {
    /** Status and headers; its body is never used. */
    private final Response head;
    private final T value;
    private final String problem;

    private Reply(Response head, T value, String problem) {
        this.head = head;
        this.value = value;
        this.problem = problem;
    }

    /** 200 with {@code value}. */
    public static <T> Reply<T> ok(T value) {
        return status(200, value);
    }

    /** 201 with {@code value} and a {@code Location} header. */
    public static <T> Reply<T> created(String location, T value) {
        return status(201, value).header("Location", Objects.requireNonNull(location, "location"));
    }

    /** {@code status} (a 2xx) with {@code value}. */
    public static <T> Reply<T> status(int status, T value) {
        if (status < 200 || status > 299 || status == 204) {
            throw new IllegalArgumentException("a value is answered with a 2xx status other than 204, not " + status);
        }
        return new Reply<>(Response.status(status), Objects.requireNonNull(value, "value"), null);
    }

    /** A 4xx or 5xx problem whose {@code detail} is {@code detail}, in place of a value. */
    public static <T> Reply<T> problem(int status, String detail) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem is a 4xx or 5xx status, not " + status);
        }
        return new Reply<>(Response.status(status), null, Objects.requireNonNull(detail, "detail"));
    }

    /** A copy with one more header; the name and value are checked as {@link Response#header} checks them. */
    public Reply<T> header(String name, String value) {
        return new Reply<>(head.header(name, value), this.value, problem);
    }

    public int status() {
        return head.status();
    }

    public List<Map.Entry<String, String>> headers() {
        return head.headers();
    }

    /** The value to encode; empty for a problem. */
    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /** The problem's detail; empty when there is a value. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public String toString() {
        return "Reply[" + head.status() + (problem != null ? ", problem" : "") + "]";
    }
}
