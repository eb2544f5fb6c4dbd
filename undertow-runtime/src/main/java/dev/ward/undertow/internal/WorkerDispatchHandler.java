package dev.ward.undertow.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Moves the route off the I/O thread onto the bounded worker pool. The exchange is marked dispatched first, so
 * Undertow never ends it behind the worker's back; a full pool is an immediate 503 (bulkhead), never a wait.
 * For a {@code @NonBlocking} route the executor is Undertow's {@code SameThreadExecutor}: the handler runs on the
 * I/O thread once Undertow's call stack has returned, and the exchange stays open for an asynchronous answer.
 */
final class WorkerDispatchHandler implements HttpHandler {
    private final Executor workers;

    WorkerDispatchHandler(Executor workers) {
        this.workers = workers;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.dispatch(SameThreadExecutor.INSTANCE, new Dispatch(exchange.getAttachment(RouteExchange.ATTACHMENT)));
    }

    @Override
    public String toString() {
        return workers == SameThreadExecutor.INSTANCE ? "dispatch(io-thread)" : "dispatch(workers)";
    }

    /**
     * One object does both hops, so a request costs one allocation here: run first on the I/O thread once
     * Undertow's call stack has returned, it submits itself to the pool; run again on a worker, it runs the route.
     */
    private final class Dispatch implements Runnable {
        private final RouteExchange exchange;
        private boolean submitted;

        Dispatch(RouteExchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public void run() {
            if (submitted) {
                exchange.runHandler();
                return;
            }
            submitted = true;
            try {
                workers.execute(this);
            } catch (RejectedExecutionException full) {
                exchange.rejected();
            }
        }
    }
}
