package dev.ward.benchmarks;

import dev.ward.Compensable;
import dev.ward.CompensationContext;
import dev.ward.Post;
import java.util.concurrent.atomic.AtomicLong;

/** Requests that always fail: compensated, or not, so that the difference is what the record costs. */
public class FailingHandlers {
    private final AtomicLong compensated = new AtomicLong();

    @Post("/compensable")
    @Compensable(compensate = "undo", backoffMillis = 10)
    public String compensable() {
        throw new IllegalStateException("payment declined");
    }

    @Post("/plain")
    public String plain() {
        throw new IllegalStateException("payment declined");
    }

    public void undo(CompensationContext context) {
        compensated.incrementAndGet();
    }

    long compensated() {
        return compensated.get();
    }
}
