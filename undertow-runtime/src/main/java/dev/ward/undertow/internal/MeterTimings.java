package dev.ward.undertow.internal;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

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
    private final Clock clock;
    private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ActiveKey, LongTaskTimer> active = new ConcurrentHashMap<>();

    MeterTimings(MeterRegistry registry) {
        this.registry = registry;
        this.clock = registry.config().clock();
    }

    @Override
    public RouteRecording forRoute(String name, String method, String uri) {
        return new RouteTimings(name, method, uri);
    }

    @Override
    public void recordUnmatched(String uri, HttpServerExchange exchange) {
        String method = HttpObservations.method(exchange.getRequestMethod());
        LongTaskTimer.Sample running = activeTimer(HttpObservations.DEFAULT_NAME, method, uri).start();
        exchange.addExchangeCompleteListener((done, next) -> {
            try {
                timer(HttpObservations.DEFAULT_NAME, method, uri, done.getStatusCode(), null)
                        .record(running.stop(), TimeUnit.NANOSECONDS);
            } finally {
                next.proceed();
            }
        });
    }

    private LongTaskTimer activeTimer(String name, String method, String uri) {
        return active.computeIfAbsent(new ActiveKey(name, method, uri), key ->
                LongTaskTimer.builder(key.name() + ".active").tags("method", key.method(), "uri", key.uri())
                        .register(registry));
    }

    private Timer timer(String name, String method, String uri, int status, Throwable failure) {
        String exception = failure == null ? "none" : failure.getClass().getSimpleName();
        return timers.computeIfAbsent(new TimerKey(name, method, uri, status, exception), key ->
                Timer.builder(key.name()).tags(Tags.of("method", key.method(), "uri", key.uri(),
                        "status", Integer.toString(key.status()), "outcome", Outcome.forStatus(key.status()).name(),
                        "exception", key.exception(), "error", key.exception())).register(registry));
    }

    /**
     * One route's meters. The common case (the route's own method, no failure) finds its timer by status in an
     * array, so a request allocates nothing here but Micrometer's long-task-timer sample, and on a
     * {@code @NonBlocking} route not even that unless it waits for an asynchronous answer; a {@code HEAD} on a
     * {@code GET} route or a failure takes the keyed lookup.
     */
    private final class RouteTimings implements RouteRecording {
        private static final int FIRST_STATUS = 100;

        private final String name;
        private final String method;
        private final String uri;
        private final AtomicReferenceArray<Timer> byStatus = new AtomicReferenceArray<>(500);
        /** Registered on the first request, as Micrometer's observation handler would. */
        private volatile LongTaskTimer ownActive;

        RouteTimings(String name, String method, String uri) {
            this.name = name;
            this.method = method;
            this.uri = uri;
        }

        @Override
        public String toString() {
            return "stop-observation";
        }

        @Override
        public void start(RouteExchange exchange) {
            if (exchange.route().spec().nonBlocking()) {
                // On the I/O thread a request is in progress for microseconds: it is counted in .active (registered
                // all the same) only if it waits for an asynchronous answer, and its duration comes from the clock.
                activeTimerOf(exchange);
                exchange.recordingStarted(this, clock.monotonicTime());
                return;
            }
            exchange.activeSample(activeTimerOf(exchange).start());
        }

        @Override
        public void waiting(RouteExchange exchange) {
            exchange.activeSample(activeTimerOf(exchange).start());
        }

        private LongTaskTimer activeTimerOf(RouteExchange exchange) {
            String requested = HttpObservations.method(exchange.httpExchange().getRequestMethod());
            LongTaskTimer timer;
            if (requested.equals(method)) {
                timer = ownActive;
                if (timer == null) {
                    ownActive = timer = activeTimer(name, method, uri);
                }
            } else {
                timer = activeTimer(name, requested, uri);
            }
            return timer;
        }

        @Override
        public void completed(RouteExchange exchange) {
            LongTaskTimer.Sample running = exchange.activeSample();
            boolean clocked = exchange.recordedByClock();
            if (running == null && !clocked) {
                return;
            }
            long nanos = clocked ? clock.monotonicTime() - exchange.recordingStartNanos() : running.stop();
            if (clocked && running != null) {
                running.stop();
            }
            int status = exchange.httpExchange().getStatusCode();
            String requested = HttpObservations.method(exchange.httpExchange().getRequestMethod());
            int slot = status - FIRST_STATUS;
            boolean common = exchange.failure() == null && requested.equals(method) && slot >= 0
                    && slot < byStatus.length();
            Timer timer = common ? byStatus.get(slot) : null;
            if (timer == null) {
                timer = timer(name, requested, uri, status, exchange.failure());
                if (common) {
                    byStatus.set(slot, timer);
                }
            }
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
