package dev.ward.undertow.internal;

import dev.ward.undertow.AccessLogSink;
import dev.ward.undertow.BodyCodec;
import dev.ward.undertow.CompensationStore;
import dev.ward.undertow.Routes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * What {@code WardServer.Builder} collected, checked and defaulted, for {@link ServerRuntime}. The meaning and the
 * default of each value are on the builder's setter of the same name. The registries, the access log sink and the
 * executor may be null (not configured), and so may the adaptive concurrency limit. With {@code virtualThreads}
 * (never together with an executor) handlers run on virtual threads, bounded by {@code workerThreads + workerQueue}.
 */
public record ServerSettings(String host, int port, List<Routes> routes, int ioThreads, int workerThreads,
                             int workerQueue, Duration workerKeepAlive, ExecutorService executor,
                             long maxEntitySize, int maxHeaderSize, Duration parseTimeout, Duration idleTimeout,
                             Duration drainTime, Duration bodyTimeout, int maxParameters, int maxHeaders,
                             MeterRegistry meterRegistry, ObservationRegistry observationRegistry,
                             AccessLogSink accessLogSink, int accessLogQueue, CompensationStore compensationStore,
                             int compensationThreads, int compensationQueue, int maxPendingCompensations,
                             Duration compensationHandlerWait, List<AutoCloseable> closeOnStop,
                             BodyCodec codec, double retryBudgetRatio, int retryBudgetMinPerSecond,
                             AdaptiveLimitSpec adaptiveConcurrency, boolean requestHistograms,
                             boolean virtualThreads) {
    public ServerSettings {
        routes = List.copyOf(routes);
        closeOnStop = List.copyOf(closeOnStop);
    }
}
