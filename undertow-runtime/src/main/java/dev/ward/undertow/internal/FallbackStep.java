package dev.ward.undertow.internal;

import dev.ward.Response;
import java.util.concurrent.CompletionStage;

/**
 * {@code @Fallback}: answers with the route's fallback when a failure its filter takes reaches it, after any
 * retry gave up. On the thread that ran the handler it runs right there, inside the deadline (which interrupts
 * it like the handler); a failed stage's fallback is dispatched like the handler was. A failure of the fallback
 * itself is answered as the route's failure: it is neither retried nor given to the fallback again.
 */
final class FallbackStep implements FailureStep {
    private final Route route;
    private final FallbackSpec spec;

    FallbackStep(Route route, FallbackSpec spec) {
        this.route = route;
        this.spec = spec;
    }

    @Override
    public boolean handle(RouteExchange exchange, Throwable failure, boolean onWorker) {
        FailureFallback<CompletionStage<Response>> fallback = exchange.failureFallback();
        Throwable matched = fallback == null ? null : spec.filter().match(failure);
        if (matched == null) {
            return false;
        }
        route.metrics().fallback(route.name(), matched);
        if (onWorker) {
            exchange.answerWithFallback(fallback, matched);
        } else {
            exchange.dispatchAgain(() -> exchange.answerWithFallback(fallback, matched));
        }
        return true;
    }

    @Override
    public String toString() {
        return "fallback(" + spec + ")";
    }
}
