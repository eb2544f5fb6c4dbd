package dev.ward.undertow.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A concurrency limit that follows latency, Vegas-style (the idea of TCP Vegas, as Netflix's concurrency-limits
 * applies it to servers; none of its code). Each request's round trip, from admission to completion, is a sample.
 * Every window of samples (at least {@value #MIN_WINDOW}, and at least the limit) one caller compares their average
 * with the no-load round trip, the lowest sample of the last two {@value #EPOCH_SECONDS}-second epochs (so a
 * dependency that became slower for good sets a new baseline within two epochs):
 * {@code queue = limit × (1 − noLoad / average)} estimates the requests waiting rather than being served. Below
 * {@code alpha = 3·log10(limit)} the limit grows by {@code log10(limit)}, above {@code beta = 6·log10(limit)} (or
 * half the limit, whichever is lower: a doubled round trip is queueing at any limit) it shrinks by as much, always
 * within {@code [min, max]}; it grows only when the window used at least half the limit, so idle time never
 * inflates it. A request over the limit is refused at once, never queued.
 *
 * <p>Lock-free: admission is a compare-and-set on the in-flight count; samples are added to atomic sums, and the
 * caller that closes a window is the one that takes them.
 */
final class AdaptiveLimiter {
    static final int MIN_WINDOW = 10;
    static final long EPOCH_SECONDS = 30;
    /** What {@link #tryAcquire} returns for a refused request: no clock reading is ever this. */
    static final long REFUSED = Long.MIN_VALUE;

    private final String name;
    private final int min;
    private final int max;
    private final LongSupplier nanoClock;
    private final long epochNanos;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile double limit;
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicLong sampleSum = new AtomicLong();
    private final AtomicInteger busiest = new AtomicInteger();
    /** The lowest round trip of this epoch and of the one before, Long.MAX_VALUE when none was seen. */
    private final AtomicLong epochLowest = new AtomicLong(Long.MAX_VALUE);
    private volatile long previousLowest = Long.MAX_VALUE;
    private volatile long epochStart;

    /** @param name {@code server} or the route's name, for the limit's gauge and the chain's description */
    AdaptiveLimiter(String name, AdaptiveLimitSpec bounds, LongSupplier nanoClock) {
        this.name = name;
        this.min = bounds.min();
        this.max = bounds.max();
        this.limit = bounds.initial();
        this.nanoClock = nanoClock;
        this.epochNanos = TimeUnit.SECONDS.toNanos(EPOCH_SECONDS);
        this.epochStart = nanoClock.getAsLong();
    }

    String name() {
        return name;
    }

    /** The current limit, as its gauge shows it. */
    int limit() {
        return (int) limit;
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Admits a request if fewer than the limit are in flight: its start time, for {@link #release}; else REFUSED. */
    long tryAcquire() {
        int current;
        do {
            current = inFlight.get();
            if (current >= (int) limit) {
                return REFUSED;
            }
        } while (!inFlight.compareAndSet(current, current + 1));
        busiest.accumulateAndGet(current + 1, Math::max);
        return nanoClock.getAsLong();
    }

    /** An admitted request ended; {@code sample}: whether its round trip says something about the load. */
    void release(long startNanos, boolean sample) {
        inFlight.decrementAndGet();
        if (sample) {
            sample(nanoClock.getAsLong() - startNanos);
        }
    }

    private void sample(long rtt) {
        long now = nanoClock.getAsLong();
        if (now - epochStart >= epochNanos) {
            newEpoch(now);
        }
        epochLowest.accumulateAndGet(rtt, Math::min);
        sampleSum.addAndGet(rtt);
        int count = samples.incrementAndGet();
        if (count >= Math.max(MIN_WINDOW, (int) limit) && samples.compareAndSet(count, 0)) {
            // This caller closed the window: samples added meanwhile go to the next one's average, harmlessly.
            long sum = sampleSum.getAndSet(0);
            adjust(sum / count, busiest.getAndSet(0));
        }
    }

    /** Starts a new epoch; racing callers may both do it, which only shortens the baseline's memory by one epoch. */
    private void newEpoch(long now) {
        epochStart = now;
        previousLowest = epochLowest.getAndSet(Long.MAX_VALUE);
    }

    private void adjust(long averageRtt, int busiestInWindow) {
        long noLoad = Math.min(previousLowest, epochLowest.get());
        if (averageRtt <= 0 || noLoad == Long.MAX_VALUE) {
            return;
        }
        double current = limit;
        double log = Math.max(1, Math.log10(current));
        double queue = current * (1 - (double) noLoad / averageRtt);
        double next = current;
        // Half the limit too (the round trip doubled): else a limit below 6 could never shrink, queue < limit.
        if (queue > Math.min(6 * log, current / 2)) {
            next = current - log;
        } else if (queue < 3 * log && busiestInWindow * 2 >= current) {
            next = current + log;
        }
        limit = Math.max(min, Math.min(max, next));
    }

    @Override
    public String toString() {
        return "adaptive-limit(" + name + ", " + min + ".." + max + ")";
    }
}
