package dev.ward.undertow;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Moves the route off the I/O thread onto the bounded worker pool. The exchange is marked dispatched first, so
 * Undertow never ends it behind the worker's back; a full pool is an immediate 503 (bulkhead), never a wait.
 */
final class WorkerDispatchHandler implements HttpHandler {
    private final Executor workers;

    WorkerDispatchHandler(Executor workers) {
        this.workers = workers;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        RouteExchange route = exchange.getAttachment(RouteExchange.ATTACHMENT);
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> submit(route));
    }

    private void submit(RouteExchange route) {
        try {
            workers.execute(route::runHandler);
        } catch (RejectedExecutionException full) {
            route.rejected();
        }
    }
}
