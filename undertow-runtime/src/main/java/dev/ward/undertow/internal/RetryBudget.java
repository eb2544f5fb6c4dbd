package dev.ward.undertow.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The server's retry budget, shared by every {@code @Retry} route, so retries cannot multiply a failing
 * dependency's load into a storm. Two lock-free buckets pay for a retry:
 * <ul>
 * <li>each completed request of a retrying route deposits {@code ratio} of a retry, and at most
 * {@link #SAVED_REQUESTS}{@code × ratio} retries are saved up; and</li>
 * <li>a floor of {@code minPerSecond} retries per second (a burst of as many), so a quiet server can still retry.</li>
 * </ul>
 * Over any period, retries ≤ {@code ratio ×} requests completed {@code + SAVED_REQUESTS × ratio + minPerSecond ×}
 * seconds {@code + minPerSecond}. Time comes from {@code clock} (nanoseconds), so tests control it.
 */
final class RetryBudget {
    /** How many requests' worth of deposits are kept: what "recent requests" means. */
    static final int SAVED_REQUESTS = 100;
    /** Balances are counted in thousandths of a retry, so a ratio of 0.1 deposits exactly 100. */
    private static final long RETRY = 1000;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final double ratio;
    private final int minPerSecond;
    private final long deposit;
    private final long cap;
    private final AtomicLong balance = new AtomicLong();
    /**
     * The floor as one value (a generic cell rate algorithm: one compare-and-set, no lock): the time until which
     * the retries it granted, one per {@code floorInterval}, keep it busy; 0 interval: no floor.
     */
    private final AtomicLong floorBusyUntil;
    private final long floorInterval;
    private final LongSupplier clock;

    RetryBudget(double ratio, int minPerSecond, LongSupplier clock) {
        if (!(ratio >= 0 && ratio <= 1) || minPerSecond < 0) {
            throw new IllegalArgumentException("a retry budget takes a ratio from 0 to 1 and a floor of 0 or more "
                    + "per second: " + ratio + ", " + minPerSecond);
        }
        this.ratio = ratio;
        this.minPerSecond = minPerSecond;
        this.deposit = Math.round(ratio * RETRY);
        this.cap = Math.round(ratio * SAVED_REQUESTS * RETRY);
        this.clock = clock;
        this.floorInterval = minPerSecond == 0 ? 0 : SECOND / minPerSecond;
        this.floorBusyUntil = new AtomicLong(clock.getAsLong());
    }

    /** A request of a retrying route completed: it earns the next retries their share. */
    void deposit() {
        if (deposit > 0) {
            balance.getAndUpdate(current -> Math.min(cap, current + deposit));
        }
    }

    /** Takes one retry from the budget; false when it is spent, and the failure must be answered now. */
    boolean withdraw() {
        long current;
        do {
            current = balance.get();
            if (current < RETRY) {
                return floor();
            }
        } while (!balance.compareAndSet(current, current - RETRY));
        return true;
    }

    /** The floor: allowed while the retries it granted, spaced by its interval, end within a second from now. */
    private boolean floor() {
        if (floorInterval == 0) {
            return false;
        }
        long now = clock.getAsLong();
        while (true) {
            long busyUntil = floorBusyUntil.get();
            long next = (busyUntil - now > 0 ? busyUntil : now) + floorInterval;
            if (next - now > SECOND) {
                return false;
            }
            if (floorBusyUntil.compareAndSet(busyUntil, next)) {
                return true;
            }
        }
    }

    /** {@code budget(10% of requests + 10/s)}. */
    @Override
    public String toString() {
        return "budget(" + Math.round(ratio * 100) + "% of requests + " + minPerSecond + "/s)";
    }
}
