package dev.ward.undertow.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code @Retry}: on a retryable failure, runs the route again (middleware, bindings and handler) after a backoff,
 * within the deadline and the server's {@link RetryBudget}. The wait is a timer on the exchange's I/O thread; the
 * next attempt is then dispatched like the first, so no thread sleeps through a backoff and a worker is free
 * meanwhile. Its {@link #count} completion step counts the request's outcome and pays its deposit into the budget.
 *
 * <p>An attempt "cannot finish before the deadline" when the time left is less than its delay plus as long again
 * as the attempt that just failed took: the last attempt is the best measure of the next one.
 */
final class RetryStep implements FailureStep {
    static final String SUCCEEDED = "succeeded";
    static final String EXHAUSTED = "exhausted";
    static final String ABORTED = "aborted";
    static final String BUDGET_EXHAUSTED = "budget-exhausted";
    static final String DEADLINE = "deadline";
    static final String RESPONSE_STARTED = "response-started";

    private final Route route;
    private final RetrySpec spec;
    private final RetryBudget budget;

    RetryStep(Route route, RetrySpec spec, RetryBudget budget) {
        this.route = route;
        this.spec = spec;
        this.budget = budget;
    }

    @Override
    public boolean handle(RouteExchange exchange, Throwable failure, boolean onWorker) {
        if (exchange.breakerRefusal() != null) {
            // The open breaker refused the request: its method never ran and never will, whatever failed instead.
            return false;
        }
        int attempts = exchange.attempts();
        ExceptionFilter filter = spec.filter();
        boolean aborted = filter.excepted(failure);
        if (aborted || filter.match(failure) == null) {
            // abortOn, or a retry that failed differently: retrying stops here. A first failure retry never
            // takes is no retry story at all.
            if (aborted || exchange.retriesScheduled() > 0) {
                exchange.retryOutcome(ABORTED);
            }
            return false;
        }
        if (exchange.httpExchange().isResponseStarted()) {
            // Whatever was sent cannot be taken back; a second attempt would write over it.
            exchange.retryOutcome(RESPONSE_STARTED);
            return false;
        }
        if (attempts >= spec.maxAttempts()) {
            exchange.retryOutcome(EXHAUSTED);
            return false;
        }
        long delay = spec.delayNanos(attempts, ThreadLocalRandom.current().nextDouble());
        if (!fits(System.nanoTime(), delay, exchange.attemptStartNanos(), exchange.deadlineNanos())) {
            exchange.retryOutcome(DEADLINE);
            return false;
        }
        if (!budget.withdraw()) {
            exchange.retryOutcome(BUDGET_EXHAUSTED);
            route.metrics().retryBudgetExhausted();
            return false;
        }
        route.metrics().retried(route.name());
        exchange.retryAfter(delay);
        return true;
    }

    /**
     * Whether an attempt that starts after {@code delay} can finish before {@code deadline} (0: none), when the one
     * that just failed started at {@code attemptStart}; all in {@code System.nanoTime()} terms.
     */
    static boolean fits(long now, long delay, long attemptStart, long deadline) {
        return deadline == 0 || deadline - now - delay - (now - attemptStart) > 0;
    }

    /** The route's completion step: counts how the request's retries ended, and deposits its share of the budget. */
    final CompletionStep count = new CompletionStep() {
        @Override
        public void completed(RouteExchange exchange) {
            budget.deposit();
            String outcome = exchange.retryOutcome();
            if (outcome == null && exchange.retriesScheduled() > 0) {
                outcome = exchange.timedOut() ? DEADLINE : SUCCEEDED;
            }
            if (outcome != null) {
                route.metrics().retryOutcome(route.name(), outcome);
            }
        }

        @Override
        public String toString() {
            return "count-retries";
        }
    };

    @Override
    public String toString() {
        return "retry(" + spec + ", " + budget + ")";
    }
}
