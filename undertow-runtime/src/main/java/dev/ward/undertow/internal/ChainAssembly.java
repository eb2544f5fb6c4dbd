package dev.ward.undertow.internal;

import io.undertow.server.HttpHandler;
import io.undertow.util.SameThreadExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * Composes each route's chain once, when the server is built, from what its generated registration declared.
 * A step the route did not declare costs it nothing: it is not in the chain.
 */
final class ChainAssembly {
    private final RequestRecorder observations;
    private final Compensator compensator;
    private final Router router;
    private final RetryBudget retryBudget;

    ChainAssembly(RequestRecorder observations, Compensator compensator, Router router, RetryBudget retryBudget) {
        this.observations = observations;
        this.compensator = compensator;
        this.router = router;
        this.retryBudget = retryBudget;
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
        if (route.spec().compensation() != null) {
            handler = new CompensationAdmission(compensator, route, handler);
            completion.add(new CompensationStep(compensator, route));
        }
        if (route.spec().tracedAs() != null && observations != null) {
            RequestRecorder.RouteRecording recording = observations.forRoute(route.spec().tracedAs(),
                    route.spec().method(), route.spec().template());
            handler = new ObservedHandler(route, recording, handler);
            completion.add(recording);
        }
        return handler;
    }
}
