package dev.ward.undertow.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What a breaker's transitions tell operators: every one counted ({@code ward.circuitbreaker.transitions}); an
 * opening logged as a WARNING and a closing as INFO, at most one line per {@value #LOG_SECONDS} s per breaker (a
 * flapping dependency opens it again and again), the next line saying how many were held back.
 */
final class BreakerTransitions implements Breaker.Transitions {
    static final long LOG_SECONDS = 10;
    private static final System.Logger LOG = System.getLogger("dev.ward");

    private final WardMetrics metrics;
    private final LogRateLimit lines;

    BreakerTransitions(WardMetrics metrics, LongSupplier nanoClock) {
        this.metrics = metrics;
        this.lines = new LogRateLimit(Duration.ofSeconds(LOG_SECONDS), nanoClock);
    }

    @Override
    public void moved(Breaker breaker, Breaker.State from, Breaker.State to) {
        metrics.breakerMoved(breaker, from, to);
        if (to == Breaker.State.HALF_OPEN) {
            return;
        }
        long held = lines.admit();
        if (held == LogRateLimit.SUPPRESS) {
            return;
        }
        String more = held == 0 ? "" : " (" + held + " more transitions since the last such line)";
        if (to == Breaker.State.OPEN) {
            int probes = breaker.settings().halfOpenCalls();
            LOG.log(System.Logger.Level.WARNING, "circuit breaker {0} opened{1}: its routes answer 503 for {2} ms, "
                    + "then let {3} through{4}", breaker.name(), from == Breaker.State.HALF_OPEN
                    ? " again (a probe failed)" : "", Long.toString(breaker.settings().openForMillis()),
                    probes == 1 ? "1 probe" : probes + " probes", more);
        } else {
            LOG.log(System.Logger.Level.INFO, "circuit breaker {0} closed: its probes succeeded{1}", breaker.name(),
                    more);
        }
    }
}
