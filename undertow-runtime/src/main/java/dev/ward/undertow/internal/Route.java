package dev.ward.undertow.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A route as the server runs it: its declaration plus the server's shared services. One per route, built once;
 * {@code name} ({@code GET /orders/{id}}) is what logs and metrics call it; {@code inFlight} counts its requests
 * in flight, and is null without a meter registry; {@code unrecoveredLog} spaces out the lines about its
 * failures without {@code @Recover}.
 */
record Route(RouteSpec spec, String name, Executor workers, WardMetrics metrics, long maxEntitySize,
             long bodyTimeoutMillis, long timeoutNanos, AtomicInteger inFlight, LogRateLimit unrecoveredLog) {

    static Route of(RouteSpec spec, Executor workers, WardMetrics metrics, long maxEntitySize, long bodyTimeoutMillis) {
        long timeoutNanos = spec.timeout() == null ? 0 : spec.timeout().toNanos();
        return new Route(spec, spec.name(), workers, metrics, maxEntitySize, bodyTimeoutMillis, timeoutNanos,
                metrics.inFlightGauge(spec.name()),
                new LogRateLimit(LogRateLimit.UNRECOVERED_FAILURES, System::nanoTime));
    }
}
