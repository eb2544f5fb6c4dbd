package dev.ward.testing;

import dev.ward.Reply;
import dev.ward.Response;
import dev.ward.undertow.internal.RouteExchange;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fault armed on one route ({@link Faults#on}): for its next call by default, for the next {@link #times n}
 * calls, then the route is back to normal. Arming again replaces what was armed. A call counts when the route's
 * method answered; one that failed on its own, or whose request was refused (4xx) before the method ran, neither
 * gets nor uses up a fault. Thread-safe.
 */
public final class Fault {
    /** What strikes a call. */
    @FunctionalInterface
    private interface Strike {
        Response on(RouteExchange exchange) throws Exception;
    }

    private record Armed(Strike strike, int calls) {
    }

    private final String route;
    private final boolean nonBlocking;
    private final AtomicReference<Armed> armed = new AtomicReference<>();
    private final AtomicInteger injected = new AtomicInteger();

    Fault(String route, boolean nonBlocking) {
        this.route = route;
        this.nonBlocking = nonBlocking;
    }

    /**
     * The call fails with {@code failure}, thrown as it is (checked or not) once the method returned: what the
     * route's {@code @Retry}, {@code @Fallback}, {@code @CircuitBreaker}, {@code @Compensable} and {@code @Recover}
     * see is the method throwing it after its work was done.
     */
    public Fault throwing(Exception failure) {
        Objects.requireNonNull(failure, "failure");
        return arm(exchange -> {
            throw failure;
        });
    }

    /**
     * The call's answer is held back for {@code stall}: its worker sleeps before answering. A deadline
     * ({@code @Timeout}) that passes meanwhile answers the request (its fallback, if any) and interrupts the sleep,
     * which then fails the call with {@link InterruptedException}, as a blocked method would; without one the
     * answer goes out late.
     *
     * @throws IllegalArgumentException for a {@code @NonBlocking} route, whose handler answers on an I/O thread
     */
    public Fault stalling(Duration stall) {
        if (stall.isNegative() || stall.isZero()) {
            throw new IllegalArgumentException("a stall must be positive: " + stall);
        }
        if (nonBlocking) {
            throw new IllegalArgumentException(route + " is @NonBlocking: it answers on an I/O thread, where a stall "
                    + "would hold every connection of that thread; stall a route that runs on a worker");
        }
        return arm(exchange -> {
            TimeUnit.NANOSECONDS.sleep(stall.toNanos());
            return null;
        });
    }

    /**
     * The call answers a problem with {@code status} (500 to 599) in place of the method's answer, as the method
     * returning {@code Reply.problem(status, ...)} would.
     */
    public Fault answering(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a fault answers 500 to 599, not " + status);
        }
        String detail = "fault injected by ward-testing: " + route + " answers " + status;
        return arm(exchange -> exchange.encodeReply(Reply.problem(status, detail)));
    }

    /** The armed fault strikes the next {@code calls} calls, counted from now, instead of the next one. */
    public Fault times(int calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + calls);
        }
        armed.getAndUpdate(current -> {
            if (current == null) {
                throw new IllegalStateException("nothing is armed on " + route + " (or it was used up): call "
                        + "throwing, stalling or answering first");
            }
            return new Armed(current.strike(), calls);
        });
        return this;
    }

    /** How many calls got this fault since the server started or {@link Faults#clear()}. */
    public int injected() {
        return injected.get();
    }

    /** How many more calls the armed fault strikes; 0 when none is armed. */
    public int remaining() {
        Armed current = armed.get();
        return current == null ? 0 : current.calls();
    }

    String route() {
        return route;
    }

    void clear() {
        armed.set(null);
        injected.set(0);
    }

    /** Called as a handler of the route answers: null lets its answer through. */
    Response inject(RouteExchange exchange) throws Exception {
        Armed taken = armed.getAndUpdate(current -> current == null || current.calls() == 1 ? null
                : new Armed(current.strike(), current.calls() - 1));
        if (taken == null) {
            return null;
        }
        injected.incrementAndGet();
        return taken.strike().on(exchange);
    }

    private Fault arm(Strike strike) {
        armed.set(new Armed(strike, 1));
        return this;
    }

    @Override
    public String toString() {
        Armed current = armed.get();
        return route + ": " + (current == null ? "no fault armed" : current.calls() + " calls to strike")
                + ", " + injected() + " injected";
    }
}
