package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.RetrySpec;
import dev.ward.processor.model.Route;
import java.time.temporal.UnsupportedTemporalTypeException;

/**
 * The waits between attempts must be what the runtime can count ({@code Duration.of(value, unit).toNanos()}, as
 * for {@code @Timeout}), not negative, with {@code delay ≤ maxDelay}; the jitter a fraction from 0 to 1.
 */
final class RetryDelay extends RetryRule {
    RetryDelay() {
        super("Ward/RetryDelay");
    }

    @Override
    void check(Route route, RetrySpec retry, Diagnostics diagnostics) {
        if (retry.delay() < 0 || retry.maxDelay() < 0) {
            String member = retry.delay() < 0 ? "delay" : "maxDelay";
            report(diagnostics, route, retry, member, "@Retry(" + member + " = "
                            + (retry.delay() < 0 ? retry.delay() : retry.maxDelay()) + ") is negative",
                    "give a wait of 0 or more, e.g. @Retry(delay = 100, maxDelay = 1000) in milliseconds.");
        } else if (retry.delay() > retry.maxDelay()) {
            report(diagnostics, route, retry, "maxDelay", "@Retry(delay = " + retry.delay() + ", maxDelay = "
                            + retry.maxDelay() + "): the first wait is already longer than the longest one allowed",
                    "make maxDelay at least delay, e.g. maxDelay = " + retry.delay() * 8 + ".");
        } else if (!retry.unit().isEmpty()) {
            try {
                retry.nanos(retry.maxDelay());
            } catch (UnsupportedTemporalTypeException | ArithmeticException notCountable) {
                report(diagnostics, route, retry, "unit", "@Retry(maxDelay = " + retry.maxDelay() + ", unit = "
                                + "ChronoUnit." + retry.unit() + ") is no wait the runtime can count; the server "
                                + "would refuse the route when it starts",
                        "give the waits in MILLIS or SECONDS.");
            }
        }
        if (!(retry.jitter() >= 0 && retry.jitter() <= 1)) {
            report(diagnostics, route, retry, "jitter", "@Retry(jitter = " + retry.jitter() + ") is no fraction "
                            + "of the wait; it spreads each wait by up to that fraction either way",
                    "give a jitter from 0 (none) to 1, e.g. 0.2 for waits between 80% and 120% of the delay.");
        }
    }
}
