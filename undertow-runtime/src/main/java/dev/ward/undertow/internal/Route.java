package dev.ward.undertow.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A route as the server runs it: its declaration plus the server's shared services. One per route, built once;
 * {@code name} ({@code GET /orders/{id}}) is what logs and metrics call it; {@code group} is the simple name of
 * the {@code Routes} class that declared it ({@code OrderHandlersRoutes}); {@code inFlight} counts its requests in
 * flight, and is null without a meter registry; {@code unrecoveredLog} spaces out the lines about its failures
 * without {@code @Recover}.
 */
record Route(RouteSpec spec, String name, String group, Executor workers, WardMetrics metrics, long maxEntitySize,
             long bodyTimeoutMillis, long timeoutNanos, AtomicInteger inFlight, LogRateLimit unrecoveredLog) {

    /** {@code 300 ms}, {@code 2 s}: the route's {@code @Timeout} as answers and logs say it. */
    String timeoutText() {
        long millis = TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
        return millis >= 1000 && millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** {@code OrderHandlersRoutes}, {@code StockRoute}: a class as logs and errors name it; anonymous ones in full. */
    static String typeName(Object instance) {
        String simple = instance.getClass().getSimpleName();
        return simple.isEmpty() ? instance.getClass().getName() : simple;
    }

    static Route of(RouteSpec spec, String group, Executor workers, WardMetrics metrics, long maxEntitySize,
                    long bodyTimeoutMillis) {
        long timeoutNanos = spec.timeout() == null ? 0 : spec.timeout().toNanos();
        return new Route(spec, spec.name(), group, workers, metrics, maxEntitySize, bodyTimeoutMillis, timeoutNanos,
                metrics.inFlightGauge(spec.name()),
                new LogRateLimit(LogRateLimit.UNRECOVERED_FAILURES, System::nanoTime));
    }
}
