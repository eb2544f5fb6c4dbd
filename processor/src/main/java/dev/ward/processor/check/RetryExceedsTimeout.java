package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.RetrySpec;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.TimeoutSpec;
import java.time.Duration;
import java.time.temporal.UnsupportedTemporalTypeException;

/**
 * The route's {@code @Timeout} is the total, retries included: an attempt whose waits before it (delay, doubled
 * each time up to maxDelay) add up to the deadline could never start, so maxAttempts promises what never happens.
 */
final class RetryExceedsTimeout extends RetryRule {
    RetryExceedsTimeout() {
        super("Ward/RetryExceedsTimeout");
    }

    @Override
    void check(Route route, RetrySpec retry, Diagnostics diagnostics) {
        TimeoutSpec timeout = route.timeout().orElse(null);
        if (timeout == null || retry.maxAttempts() < 2 || retry.delay() < 0 || retry.delay() > retry.maxDelay()) {
            return;
        }
        long deadline;
        long delay;
        long maxDelay;
        try {
            deadline = timeout.nanos();
            delay = retry.nanos(retry.delay());
            maxDelay = retry.nanos(retry.maxDelay());
        } catch (IllegalArgumentException | UnsupportedTemporalTypeException | ArithmeticException invalid) {
            return; // Ward/TimeoutUnit and Ward/RetryDelay report it
        }
        // The attempts whose waits before them end before the deadline, the first (no wait) included.
        long waited = 0;
        long wait = delay;
        int fit = 1;
        while (fit < retry.maxAttempts()) {
            waited += wait;
            if (waited >= deadline) {
                break;
            }
            fit++;
            wait = Math.min(maxDelay, wait * 2);
        }
        if (fit < retry.maxAttempts()) {
            long waitedMillis = Duration.ofNanos(waited).toMillis();
            report(diagnostics, route, retry, null, "@Retry(maxAttempts = " + retry.maxAttempts() + ") waits "
                            + waitedMillis + " ms before attempt " + (fit + 1) + ", but @Timeout gives "
                            + route.methodName() + "() " + Duration.ofNanos(deadline).toMillis() + " ms in all, "
                            + "retries included: attempts " + (fit + 1) + " to " + retry.maxAttempts()
                            + " could never start",
                    "lower maxAttempts to " + fit + ", shorten delay or maxDelay, or give the route a longer @Timeout.");
        }
    }
}
