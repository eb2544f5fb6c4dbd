package dev.ward.undertow.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * {@code @CircuitBreaker}'s state machine, lock-free: the current phase is one immutable object swapped by
 * compare-and-set, so exactly one caller makes each transition, and the hot path (a closed breaker) is an atomic
 * increment and two array/counter updates.
 *
 * <p>Closed, it keeps the outcomes of the last {@code window} requests in a ring (a count-based window) and opens
 * when at least {@code minimumCalls} are in it and failures reach {@code failureRatio} of them. Open, it refuses
 * until {@code openFor} has passed; the next request turns it half-open. Half-open, it admits exactly
 * {@code halfOpenCalls} probes: all succeeding close it (with an empty window), the first failure opens it again,
 * and so does a probe that has not reported within {@code openFor}, so it is never stuck half-open.
 *
 * <p>An outcome counts only in the phase that admitted its request: a request admitted before the breaker opened
 * and finishing after never moves the new phase.
 */
final class Breaker {
    /** The phases, in the order of the state gauge's values (0, 1, 2). */
    enum State { CLOSED, OPEN, HALF_OPEN }

    /** The parameters of one breaker; two routes sharing a breaker by name must declare equal ones. */
    record Settings(double failureRatio, int window, int minimumCalls, long openForMillis, int halfOpenCalls) {
        Settings {
            if (!(failureRatio > 0 && failureRatio <= 1) || window < 1 || window > MAX_WINDOW || minimumCalls < 1
                    || minimumCalls > window
                    || openForMillis <= 0 || halfOpenCalls < 1) {
                throw new IllegalArgumentException("circuit breaker parameters out of range: " + this);
            }
        }

        @Override
        public String toString() {
            return "failureRatio " + failureRatio + ", window " + window + ", minimumCalls " + minimumCalls
                    + ", openFor " + openForMillis + " ms, halfOpenCalls " + halfOpenCalls;
        }
    }

    /** A request the breaker let through; exactly one of its methods is called once the request has ended. */
    interface Permit {
        /** The request ended: counts its outcome. */
        void record(boolean failed);

        /** Refused further in (shed, bulkhead): the request says nothing about the route; gives its place back. */
        void release();
    }

    /** Told of every transition, by the one caller that made it. */
    interface Transitions {
        void moved(Breaker breaker, State from, State to);
    }

    /** The largest window: one slot per call is kept (the processor's {@code Ward/CircuitBreakerWindow} bound). */
    static final int MAX_WINDOW = 10_000;
    private static final int OK = 1;
    private static final int FAILED = 2;

    private final String name;
    private final Settings settings;
    private final long openForNanos;
    private final LongSupplier nanoClock;
    private final Transitions transitions;
    private final AtomicReference<Phase> phase;

    /** @param nanoClock {@code System::nanoTime}, or a test's clock */
    Breaker(String name, Settings settings, LongSupplier nanoClock, Transitions transitions) {
        this.name = name;
        this.settings = settings;
        this.openForNanos = TimeUnit.MILLISECONDS.toNanos(settings.openForMillis());
        this.nanoClock = nanoClock;
        this.transitions = transitions;
        this.phase = new AtomicReference<>(new Closed());
    }

    String name() {
        return name;
    }

    Settings settings() {
        return settings;
    }

    State state() {
        return phase.get().state();
    }

    /** Lets the request through, as a permit to report its outcome on; null when the breaker refuses it. */
    Permit acquire() {
        while (true) {
            Phase current = phase.get();
            long now = nanoClock.getAsLong();
            if (current instanceof Closed closed) {
                return closed;
            }
            if (current instanceof Open open) {
                if (now - open.since < openForNanos) {
                    return null;
                }
                move(open, new HalfOpen(now));
            } else {
                HalfOpen halfOpen = (HalfOpen) current;
                if (now - halfOpen.since >= openForNanos) {
                    // Its probes have not all reported in time: as failed as a probe can be.
                    move(halfOpen, new Open(now));
                } else {
                    return halfOpen.admit() ? halfOpen : null;
                }
            }
        }
    }

    /** Whole seconds until an open breaker admits probes, rounded up, at least 1: the refusal's Retry-After. */
    long retryAfterSeconds() {
        Phase current = phase.get();
        long left = current instanceof Open open ? open.since + openForNanos - nanoClock.getAsLong() : 0;
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    @Override
    public String toString() {
        return "circuit-breaker(" + name + ": " + settings + ")";
    }

    private void move(Phase from, Phase to) {
        if (phase.compareAndSet(from, to)) {
            transitions.moved(this, from.state(), to.state());
        }
    }

    private abstract static class Phase {
        abstract State state();
    }

    private final class Closed extends Phase implements Permit {
        /** The outcomes of the latest requests, 0 where none has been yet; slot {@code n % window} is call n's. */
        private final AtomicIntegerArray ring = new AtomicIntegerArray(settings.window());
        private final AtomicLong calls = new AtomicLong();
        private final AtomicInteger failures = new AtomicInteger();

        @Override
        State state() {
            return State.CLOSED;
        }

        @Override
        public void record(boolean failed) {
            if (phase.get() != this) {
                return;
            }
            long call = calls.getAndIncrement();
            int replaced = ring.getAndSet((int) (call % settings.window()), failed ? FAILED : OK);
            int failing = failures.addAndGet((failed ? 1 : 0) - (replaced == FAILED ? 1 : 0));
            long inWindow = Math.min(call + 1, settings.window());
            if (failed && inWindow >= settings.minimumCalls() && failing >= settings.failureRatio() * inWindow) {
                move(this, new Open(nanoClock.getAsLong()));
            }
        }

        @Override
        public void release() {
        }
    }

    private static final class Open extends Phase {
        private final long since;

        Open(long since) {
            this.since = since;
        }

        @Override
        State state() {
            return State.OPEN;
        }
    }

    private final class HalfOpen extends Phase implements Permit {
        private final long since;
        private final AtomicInteger places = new AtomicInteger(settings.halfOpenCalls());
        private final AtomicInteger succeeded = new AtomicInteger();

        HalfOpen(long since) {
            this.since = since;
        }

        @Override
        State state() {
            return State.HALF_OPEN;
        }

        boolean admit() {
            return places.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
        }

        @Override
        public void record(boolean failed) {
            if (phase.get() != this) {
                return;
            }
            if (failed) {
                move(this, new Open(nanoClock.getAsLong()));
            } else if (succeeded.incrementAndGet() >= settings.halfOpenCalls()) {
                move(this, new Closed());
            }
        }

        @Override
        public void release() {
            places.incrementAndGet();
        }
    }
}
