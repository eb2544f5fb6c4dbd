package dev.ward.undertow.internal;

import dev.ward.CircuitBreakerOpenException;
import io.undertow.server.HttpHandler;
import io.undertow.util.SameThreadExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Composes each route's chain once, when the server is built, from what its generated registration declared.
 * A step the route did not declare costs it nothing: it is not in the chain.
 */
final class ChainAssembly {
    private final RequestRecorder observations;
    private final Compensator compensator;
    private final Router router;
    private final RetryBudget retryBudget;
    private final WardMetrics metrics;
    /** The server's adaptive concurrency limit, shared by every route without its own; null without one. */
    private final AdaptiveLimiter serverLimit;
    private final LongSupplier nanoClock;
    /** Breakers shared by name, with the first route that declared each, to name it when another disagrees. */
    private final Map<String, Breaker> namedBreakers = new HashMap<>();
    private final Map<String, String> declaredBy = new HashMap<>();

    /** @param serverLimit the server's limit's bounds, null for none */
    ChainAssembly(RequestRecorder observations, Compensator compensator, Router router, RetryBudget retryBudget,
                  WardMetrics metrics, AdaptiveLimitSpec serverLimit, LongSupplier nanoClock) {
        this.observations = observations;
        this.compensator = compensator;
        this.router = router;
        this.retryBudget = retryBudget;
        this.metrics = metrics;
        this.nanoClock = nanoClock;
        this.serverLimit = serverLimit == null ? null : limiter("server", serverLimit);
    }

    /**
     * Adds the route with its chain, the steps that see its handler's failures, and the steps that end it when
     * the exchange completes, to the router.
     */
    void add(Route route) {
        List<CompletionStep> completion = new ArrayList<>();
        List<FailureStep> failure = new ArrayList<>();
        HttpHandler chain = chain(route, completion);
        // Below dispatch, innermost first: a retry runs before the fallback gives up on the handler.
        if (route.spec().retry() != null) {
            RetryStep retry = new RetryStep(route, route.spec().retry(), retryBudget);
            failure.add(retry);
            completion.add(0, retry.count);
        }
        if (route.spec().fallback() != null) {
            failure.add(new FallbackStep(route, route.spec().fallback()));
        }
        router.add(route, chain, completion, failure);
    }

    /**
     * The route's chain, outermost first; the steps that end it when the exchange completes go into
     * {@code completion}, innermost first.
     */
    private HttpHandler chain(Route route, List<CompletionStep> completion) {
        // A @NonBlocking handler runs right where Undertow's call stack returns, on the I/O thread.
        HttpHandler handler = new WorkerDispatchHandler(route.spec().nonBlocking() ? SameThreadExecutor.INSTANCE
                : route.workers());
        switch (route.spec().bodyMode()) {
            case BUFFERED -> handler = new BodyBufferHandler(handler, BodyMode.BUFFERED, (int) route.maxEntitySize(),
                    route.bodyTimeoutMillis());
            case REPLAY -> handler = new BodyBufferHandler(handler, BodyMode.REPLAY, (int) route.spec().bodyLimit(),
                    route.bodyTimeoutMillis());
            case STREAM -> handler = new StreamBodyHandler(handler, route.maxEntitySize());
            case NONE -> { }
        }
        if (route.timeoutNanos() > 0) {
            handler = new DeadlineHandler(route, handler);
            completion.add(DeadlineHandler.CANCEL);
        }
        // A refusal the fallback answers is bound below here: it takes no place in the admission steps, whose
        // limit and compensation are about the route's method, which it never runs.
        HttpHandler toFallback = fallbackAnswersBreaker(route) ? handler : null;
        if (route.spec().compensation() != null) {
            handler = new CompensationAdmission(compensator, route, handler);
            completion.add(new CompensationStep(compensator, route));
        }
        AdaptiveLimiter limit = route.spec().adaptiveLimit() != null
                ? limiter(route.name(), route.spec().adaptiveLimit()) : serverLimit;
        if (limit != null) {
            handler = new AdaptiveLimitHandler(route, limit, handler);
            completion.add(new AdaptiveLimitHandler.Release(limit));
        }
        if (route.spec().breaker() != null) {
            Breaker breaker = breaker(route);
            handler = new CircuitBreakerHandler(route, breaker, handler, toFallback);
            completion.add(new CircuitBreakerHandler.Outcome(breaker));
        }
        if (route.spec().rateLimit() != null) {
            handler = new RateLimitHandler(route, new RateLimiter(route.spec().rateLimit(), nanoClock), handler);
        }
        if (route.spec().tracedAs() != null && observations != null) {
            RequestRecorder.RouteRecording recording = observations.forRoute(route.spec().tracedAs(),
                    route.spec().method(), route.spec().template());
            handler = new ObservedHandler(route, recording, handler);
            completion.add(recording);
        }
        return handler;
    }

    /** Whether the route's {@code @Fallback} takes an open breaker's refusal (applyOn covers it, skipOn does not). */
    private static boolean fallbackAnswersBreaker(Route route) {
        FallbackSpec fallback = route.spec().fallback();
        return fallback != null
                && fallback.filter().match(new CircuitBreakerOpenException(route.name(), Duration.ZERO)) != null;
    }

    private AdaptiveLimiter limiter(String name, AdaptiveLimitSpec bounds) {
        AdaptiveLimiter limiter = new AdaptiveLimiter(name, bounds, nanoClock);
        metrics.concurrencyLimit(limiter);
        return limiter;
    }

    /**
     * The route's own breaker, named as the route; or the one shared under its name, which every route naming it
     * must declare with the same parameters.
     */
    private Breaker breaker(Route route) {
        BreakerSpec spec = route.spec().breaker();
        if (spec.name().isEmpty()) {
            return newBreaker(route.name(), spec.settings());
        }
        Breaker shared = namedBreakers.get(spec.name());
        if (shared == null) {
            declaredBy.put(spec.name(), route.name() + " (" + route.group() + ")");
            shared = newBreaker(spec.name(), spec.settings());
            namedBreakers.put(spec.name(), shared);
        } else if (!shared.settings().equals(spec.settings())) {
            throw new IllegalStateException("routes " + declaredBy.get(spec.name()) + " and " + route.name() + " ("
                    + route.group() + ") share the circuit breaker \"" + spec.name() + "\" with different parameters ("
                    + shared.settings() + " vs " + spec.settings() + "); declare the same ones, or give one "
                    + "another name");
        }
        return shared;
    }

    private Breaker newBreaker(String name, Breaker.Settings settings) {
        Breaker breaker = new Breaker(name, settings, nanoClock, new BreakerTransitions(metrics, nanoClock));
        metrics.breaker(breaker);
        return breaker;
    }
}
