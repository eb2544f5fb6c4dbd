package dev.ward.undertow;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.micrometer.observation.Observation;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code @Traced} with only a meter registry: the same meters, names and tags that Micrometer's
 * {@code DefaultMeterObservationHandler} makes of Ward's observations ({@code <name>} timer tagged method, uri,
 * status, outcome, exception, error; {@code <name>.active} long-task timer tagged method, uri), recorded directly
 * into cached meters. No observation objects, no per-request tag building: with nobody to trace, that is all
 * the observation would have produced, at a fraction of the allocation.
 */
final class MeterTimings implements RequestRecorder {
    private record TimerKey(String name, String method, String uri, int status, String exception) {
    }

    private record ActiveKey(String name, String method, String uri) {
    }

    private final MeterRegistry registry;
    private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ActiveKey, LongTaskTimer> active = new ConcurrentHashMap<>();

    MeterTimings(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Observation start(String name, String uri, HttpServerExchange exchange, RouteExchange route) {
        long start = System.nanoTime();
        String method = HttpObservations.method(exchange.getRequestMethod());
        LongTaskTimer.Sample running = active.computeIfAbsent(new ActiveKey(name, method, uri), key ->
                LongTaskTimer.builder(key.name() + ".active").tags("method", key.method(), "uri", key.uri())
                        .register(registry)).start();
        exchange.addExchangeCompleteListener((done, next) -> {
            try {
                running.stop();
                Throwable failure = route == null ? null : route.failure();
                String exception = failure == null ? "none" : failure.getClass().getSimpleName();
                timers.computeIfAbsent(new TimerKey(name, method, uri, done.getStatusCode(), exception), key ->
                        Timer.builder(key.name()).tags(Tags.of("method", key.method(), "uri", key.uri(),
                                "status", Integer.toString(key.status()),
                                "outcome", Outcome.forStatus(key.status()).name(),
                                "exception", key.exception(), "error", key.exception())).register(registry))
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            } finally {
                next.proceed();
            }
        });
        return null;
    }
}
