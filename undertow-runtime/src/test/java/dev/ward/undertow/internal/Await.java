package dev.ward.undertow.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting in tests for what happens after the client has its answer (compensations, metrics, threads). */
final class Await {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private Await() {
    }

    static void until(BooleanSupplier condition) throws InterruptedException {
        until(condition, () -> "");
    }

    /** Waits up to 20 s for the condition; the failure says what {@code state} shows at that moment. */
    static void until(BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s " + state.get());
            }
            Thread.sleep(10);
        }
    }
}
