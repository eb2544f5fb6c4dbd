package dev.ward.undertow.internal;

import dev.ward.undertow.Compensations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The counters behind Ward's guarantees, each tagged with the route ({@code GET /orders/{id}}, never a raw
 * path). Without a {@link MeterRegistry} every method returns at once: no lookups, no allocation.
 * Names are listed in {@code docs/metrics.md}.
 */
final class WardMetrics {
    static final String RECOVERED = "ward.failures.recovered";
    static final String UNRECOVERED = "ward.failures.unrecovered";
    static final String ABORTED = "ward.responses.aborted";
    static final String TIMEOUTS = "ward.timeouts";
    static final String LATE = "ward.late.completions";
    static final String BULKHEAD = "ward.bulkhead.rejections";
    static final String BODY_REJECTED = "ward.bodies.rejected";
    static final String CONTEXT_REJECTED = "ward.context.rejections";
    static final String IN_FLIGHT = "ward.requests.active";
    static final String ACCESS_LOG_DROPPED = "ward.accesslog.dropped";
    static final String COMPENSATIONS_SCHEDULED = "ward.compensations.scheduled";
    static final String COMPENSATIONS_SUCCEEDED = "ward.compensations.succeeded";
    static final String COMPENSATIONS_RETRIED = "ward.compensations.retried";
    static final String COMPENSATIONS_DEAD = "ward.compensations.dead_lettered";
    static final String COMPENSATIONS_PENDING = "ward.compensations.pending";
    static final String COMPENSATIONS_HELD = "ward.compensations.held";
    static final String COMPENSATIONS_REFUSED = "ward.compensations.refused";
    static final String COMPENSATION_STORE_FAILURES = "ward.compensations.store.failures";
    static final String COMPENSATION_STORE_RECONNECTS = "ward.compensations.store.reconnects";
    static final String COMPENSATION_STORE_REACHABLE = "ward.compensations.store.reachable";
    static final String RETRIES = "ward.retries";
    static final String RETRY_ATTEMPTS = "ward.retries.attempts";
    static final String RETRY_BUDGET_EXHAUSTED = "ward.retries.budget.exhausted";
    static final String FALLBACKS = "ward.fallbacks";
    static final String BREAKER_STATE = "ward.circuitbreaker.state";
    static final String BREAKER_TRANSITIONS = "ward.circuitbreaker.transitions";
    static final String BREAKER_REJECTED = "ward.circuitbreaker.rejections";
    static final String RATE_LIMITED = "ward.ratelimit.rejections";
    static final String CONCURRENCY_LIMIT = "ward.concurrency.limit";
    static final String SHED = "ward.concurrency.shed";

    private final MeterRegistry registry;

    WardMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void recovered(String route, Throwable failure) {
        count(RECOVERED, route, "exception", failure.getClass().getSimpleName());
    }

    void unrecovered(String route, Throwable failure) {
        count(UNRECOVERED, route, "exception", failure.getClass().getSimpleName());
    }

    void aborted(String route) {
        count(ABORTED, route, null, null);
    }

    void timeout(String route) {
        count(TIMEOUTS, route, null, null);
    }

    void lateCompletion(String route) {
        count(LATE, route, null, null);
    }

    void bulkheadRejection(String route) {
        count(BULKHEAD, route, null, null);
    }

    void bodyRejected(String route, int status) {
        count(BODY_REJECTED, route, "status", Integer.toString(status));
    }

    /** A per-route gauge of requests in flight; null without a registry, so nothing is counted. */
    AtomicInteger inFlightGauge(String route) {
        if (registry == null) {
            return null;
        }
        return registry.gauge(IN_FLIGHT, Tags.of("route", route), new AtomicInteger());
    }

    void accessLog(AsyncAccessLog log) {
        if (registry != null) {
            FunctionCounter.builder(ACCESS_LOG_DROPPED, log, AsyncAccessLog::dropped)
                    .description("access log lines dropped because the writer could not keep up")
                    .register(registry);
        }
    }

    /** @param reason {@code exception}, {@code deadline} or {@code status}: what made the request fail */
    void compensationScheduled(String route, String reason) {
        count(COMPENSATIONS_SCHEDULED, route, "reason", reason);
    }

    void compensationSucceeded(String route) {
        count(COMPENSATIONS_SUCCEEDED, route, null, null);
    }

    void compensationRetried(String route) {
        count(COMPENSATIONS_RETRIED, route, null, null);
    }

    /** @param failure the last attempt's failure, whose class the counter is tagged with */
    void compensationDeadLettered(String route, Throwable failure) {
        count(COMPENSATIONS_DEAD, route, "exception", failure.getClass().getSimpleName());
    }

    void compensationsPending(Compensations compensations) {
        if (registry != null) {
            registry.gauge(COMPENSATIONS_PENDING, Tags.empty(), compensations, Compensations::pending);
        }
    }

    /** Places taken against {@code maxPendingCompensations}: compensable requests in flight and pending ones. */
    void compensationsHeld(AtomicInteger held) {
        if (registry != null) {
            registry.gauge(COMPENSATIONS_HELD, Tags.empty(), held);
        }
    }

    /** A call to the compensation store that failed (unreachable, or it refused the write). */
    void compensationStoreFailed() {
        if (registry != null) {
            registry.counter(COMPENSATION_STORE_FAILURES).increment();
        }
    }

    /** The compensation store answered again after failing. */
    void compensationStoreReconnected() {
        if (registry != null) {
            registry.counter(COMPENSATION_STORE_RECONNECTS).increment();
        }
    }

    /** 1 while the compensation store answers, 0 while compensable requests are refused because it does not. */
    void compensationStoreReachable(java.util.function.BooleanSupplier reachable) {
        if (registry != null) {
            // A strong reference: Micrometer holds a gauge's object weakly, and nothing else holds this lambda,
            // so after a GC the gauge read NaN.
            io.micrometer.core.instrument.Gauge.builder(COMPENSATION_STORE_REACHABLE, reachable,
                    supplier -> supplier.getAsBoolean() ? 1 : 0).strongReference(true).register(registry);
        }
    }

    void compensationRefused(String route) {
        count(COMPENSATIONS_REFUSED, route, null, null);
    }

    /** The breaker's state as a gauge: 0 closed, 1 open, 2 half-open. */
    void breaker(Breaker breaker) {
        if (registry != null) {
            Gauge.builder(BREAKER_STATE, breaker, b -> b.state().ordinal()).tag("breaker", breaker.name())
                    .description("0 closed, 1 open, 2 half-open").strongReference(true).register(registry);
        }
    }

    /** Counts each transition of a breaker, tagged with the states it left and entered. */
    void breakerMoved(Breaker breaker, Breaker.State from, Breaker.State to) {
        if (registry != null) {
            registry.counter(BREAKER_TRANSITIONS, "breaker", breaker.name(), "from", stateName(from), "to",
                    stateName(to)).increment();
        }
    }

    private static String stateName(Breaker.State state) {
        return state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    void breakerRejected(String route, String breaker) {
        count(BREAKER_REJECTED, route, "breaker", breaker);
    }

    void rateLimited(String route) {
        count(RATE_LIMITED, route, null, null);
    }

    /** The limiter's current limit as a gauge tagged {@code limiter} ({@code server}, or the route). */
    void concurrencyLimit(AdaptiveLimiter limiter) {
        if (registry != null) {
            Gauge.builder(CONCURRENCY_LIMIT, limiter, AdaptiveLimiter::limit).tag("limiter", limiter.name())
                    .strongReference(true).register(registry);
        }
    }

    void shed(String route) {
        count(SHED, route, null, null);
    }

    void contextRejected(String route, int status) {
        count(CONTEXT_REJECTED, route, "status", Integer.toString(status));
    }

    /** How a request's retries ended ({@code RetryStep}'s outcomes); one per request that retried or was refused one. */
    void retryOutcome(String route, String outcome) {
        count(RETRIES, route, "outcome", outcome);
    }

    /** A retry was scheduled: the load that retries add. */
    void retried(String route) {
        count(RETRY_ATTEMPTS, route, null, null);
    }

    /** The server's retry budget refused a retry; server-wide, as the budget is. */
    void retryBudgetExhausted() {
        if (registry != null) {
            registry.counter(RETRY_BUDGET_EXHAUSTED).increment();
        }
    }

    /** A {@code @Fallback} answered in the handler's place for a failure of this class. */
    void fallback(String route, Throwable failure) {
        count(FALLBACKS, route, "exception", failure.getClass().getSimpleName());
    }

    private void count(String name, String route, String tagKey, String tagValue) {
        if (registry == null) {
            return;
        }
        Counter.Builder counter = Counter.builder(name).tag("route", route);
        if (tagKey != null) {
            counter.tag(tagKey, tagValue);
        }
        counter.register(registry).increment();
    }
}
