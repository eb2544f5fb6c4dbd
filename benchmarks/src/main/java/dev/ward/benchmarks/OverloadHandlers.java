package dev.ward.benchmarks;

import dev.ward.Get;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dependency whose latency rises with concurrency, as a database or a downstream service's does: it serves
 * {@value #CAPACITY} requests at once in {@value #BASE_MILLIS} ms each, and more share it, so each takes
 * {@code BASE_MILLIS × running / CAPACITY}.
 */
public class OverloadHandlers {
    static final int CAPACITY = 16;
    static final long BASE_MILLIS = 10;

    private final AtomicInteger running = new AtomicInteger();

    @Get("/work")
    public String work() throws InterruptedException {
        int now = running.incrementAndGet();
        try {
            Thread.sleep(BASE_MILLIS * Math.max(CAPACITY, now) / CAPACITY);
            return "done";
        } finally {
            running.decrementAndGet();
        }
    }
}
