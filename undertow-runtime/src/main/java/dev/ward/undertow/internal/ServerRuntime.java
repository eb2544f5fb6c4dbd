package dev.ward.undertow.internal;

import dev.ward.undertow.BodyCodec;
import dev.ward.undertow.Compensations;
import dev.ward.undertow.Routes;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.server.handlers.HttpContinueReadHandler;
import io.undertow.server.handlers.accesslog.AccessLogHandler;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.xnio.OptionMap;

/**
 * Everything behind {@code WardServer}: the Undertow listener, the root handlers every request passes, the
 * route chains, the worker pool and the compensation engine, with their start and their graceful stop.
 */
public final class ServerRuntime implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.ward");

    private final HttpListener listener = new HttpListener();
    private final OptionMap serverOptions;
    private final GracefulShutdownHandler shutdown;
    private final ExecutorService ownedWorkers;
    private final ServerSettings settings;
    private final AsyncAccessLog accessLog;
    private final Compensator compensator;
    private final List<AutoCloseable> closeOnStop;
    private final Router router;
    /** A test kit's fault hooks (ward-testing), found once here; null on a production class path. */
    private final HandlerFaults faults;
    private volatile boolean started;

    public ServerRuntime(ServerSettings settings) {
        this.settings = settings;
        this.closeOnStop = new ArrayList<>(settings.closeOnStop());
        ExecutorService workers = settings.executor() != null ? settings.executor()
                : settings.virtualThreads() ? new VirtualThreadWorkers(settings.workerThreads() + settings.workerQueue())
                : newWorkerPool(settings);
        this.ownedWorkers = settings.executor() != null ? null : workers;
        // Before any meter exists: the filter applies only to meters registered after it.
        Set<String> histogramNames = settings.requestHistograms() ? requestHistograms(settings.meterRegistry())
                : null;
        WardMetrics metrics = new WardMetrics(settings.meterRegistry());
        RequestRecorder observations = observations(settings);
        this.router = new Router(observations);
        Map<String, Compensation> compensations = new HashMap<>();
        this.compensator = new Compensator(settings.compensationStore(), compensations,
                settings.compensationThreads(), settings.compensationQueue(), settings.maxPendingCompensations(),
                settings.compensationHandlerWait(), metrics);
        ChainAssembly chains = new ChainAssembly(observations, compensator, router,
                new RetryBudget(settings.retryBudgetRatio(), settings.retryBudgetMinPerSecond(), System::nanoTime),
                metrics, settings.adaptiveConcurrency(), System::nanoTime);
        Supplier<Optional<BodyCodec>> codec = codec(settings);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        this.faults = HandlerFaults.find(loader != null ? loader : ServerRuntime.class.getClassLoader());
        for (Routes routes : settings.routes()) {
            routes.register((method, template) -> new RouteBuilder(method, template, declared -> {
                RouteSpec spec = settings.virtualThreads() ? onVirtualThreads(declared, settings.maxEntitySize())
                        : declared;
                Route route = Route.of(spec, Route.typeName(routes), workers, metrics, settings.maxEntitySize(),
                        settings.bodyTimeout().toMillis(), codec, faults);
                if (histogramNames != null && spec.tracedAs() != null) {
                    histogramNames.add(spec.tracedAs());
                }
                if (spec.compensation() != null) {
                    compensations.put(Compensator.key(route.name(), spec.compensationSpec().method()),
                            spec.compensation());
                }
                chains.add(route);
            }));
        }
        // Undertow's handler looks for Expect through the exchange's attachments on every request; only a request
        // that has the header needs it.
        HttpHandler continueRead = new HttpContinueReadHandler(router);
        HttpHandler root = exchange -> (exchange.getRequestHeaders().contains(Headers.EXPECT) ? continueRead : router)
                .handleRequest(exchange);
        if (settings.accessLogSink() != null) {
            this.accessLog = new AsyncAccessLog(settings.accessLogSink(), settings.accessLogQueue());
            metrics.accessLog(accessLog);
            root = new AccessLogHandler(root, accessLog, "combined", ServerRuntime.class.getClassLoader());
        } else {
            this.accessLog = null;
        }
        this.shutdown = new GracefulShutdownHandler(root);
        this.serverOptions = OptionMap.builder()
                // Ward enforces the real limit itself, with a 413. Undertow's closes the connection without an
                // answer, and counts each chunk's declared size before a byte of it arrives: it must not trip first.
                .set(UndertowOptions.MAX_ENTITY_SIZE, settings.maxEntitySize() + LingeringClose.MAX_BYTES)
                .set(UndertowOptions.MAX_HEADER_SIZE, settings.maxHeaderSize())
                .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) settings.parseTimeout().toMillis())
                .set(UndertowOptions.NO_REQUEST_TIMEOUT, (int) settings.idleTimeout().toMillis())
                .set(UndertowOptions.IDLE_TIMEOUT, (int) settings.idleTimeout().toMillis())
                .set(UndertowOptions.MAX_PARAMETERS, settings.maxParameters())
                .set(UndertowOptions.MAX_HEADERS, settings.maxHeaders())
                .set(UndertowOptions.MAX_COOKIES, settings.maxHeaders())
                .set(UndertowOptions.ALWAYS_SET_DATE, true)
                .getMap();
    }

    /**
     * A route that runs on a virtual thread and may read its body as a stream (an {@code InputStream} body, or the
     * raw exchange's input stream on a route without a buffered body) gets the body read on the I/O thread first,
     * bounded by the server's entity limit: XNIO's blocking reads keep a selector (three file descriptors) per
     * thread until a finalizer runs, and every request has a new virtual thread.
     */
    private static RouteSpec onVirtualThreads(RouteSpec spec, long maxEntitySize) {
        boolean mayStream = spec.bodyMode() == BodyMode.STREAM || spec.bodyMode() == BodyMode.NONE;
        return mayStream && !spec.nonBlocking() ? spec.bufferedForVirtualThreads(maxEntitySize) : spec;
    }

    /**
     * Makes the timers of requests ({@code http.server.requests}, and each {@code @Traced} route's name as routes
     * add it to the returned set) publish percentile histograms, whichever path records them (observations or
     * direct timers): buckets add up across instances, so a fleet's p99 can be computed, which percentiles cannot.
     */
    private static Set<String> requestHistograms(MeterRegistry registry) {
        Set<String> names = ConcurrentHashMap.newKeySet();
        names.add(HttpObservations.DEFAULT_NAME);
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getType() == Meter.Type.TIMER && names.contains(id.getName())
                        ? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
                        : config;
            }
        });
        return names;
    }

    /**
     * The codec given, else the one on the class path: looked for once, and only if a route uses JSON, so a server
     * without JSON routes never fails over two codecs it does not use.
     */
    private static Supplier<Optional<BodyCodec>> codec(ServerSettings settings) {
        if (settings.codec() != null) {
            Optional<BodyCodec> given = Optional.of(settings.codec());
            return () -> given;
        }
        return new Supplier<>() {
            private Optional<BodyCodec> found;

            @Override
            public Optional<BodyCodec> get() {
                if (found == null) {
                    found = Codecs.discover(ServerRuntime.class.getClassLoader());
                }
                return found;
            }
        };
    }

    /**
     * Observations into the observation registry given; else the same meters straight into the meter registry
     * given; else null: no recording work at all.
     */
    private static RequestRecorder observations(ServerSettings settings) {
        if (settings.observationRegistry() != null) {
            return new HttpObservations(settings.observationRegistry());
        }
        if (settings.meterRegistry() != null) {
            return new MeterTimings(settings.meterRegistry());
        }
        return null;
    }

    private static ExecutorService newWorkerPool(ServerSettings settings) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "ward-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(),
                settings.workerKeepAlive().toMillis(), TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.workerQueue()), threads, new ThreadPoolExecutor.AbortPolicy());
        // Idle workers go away, so a burst does not pin threads for the life of the server.
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Replays the compensation journal, then starts listening. */
    public void start() {
        try {
            compensator.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replay the compensation journal", e);
        }
        try {
            listener.start(settings.host(), settings.port(), settings.ioThreads(), settings.virtualThreads(),
                    serverOptions, shutdown);
        } catch (IOException | RuntimeException failure) {
            // Release what the constructor and the replay took (workers, access log writer, compensation engine).
            started = true;
            close();
            throw listenFailure(failure);
        }
        started = true;
        if (faults != null) {
            faults.started(listener.port());
        }
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            router.describeChains().forEach(chain -> LOG.log(System.Logger.Level.DEBUG, chain));
        }
    }

    /** Says which address could not be bound (the JDK's BindException names none). */
    private RuntimeException listenFailure(Throwable cause) {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        String message = "cannot listen on " + host + ":" + settings.port() + ": " + cause.getMessage();
        return cause instanceof IOException io ? new UncheckedIOException(message, io)
                : new IllegalStateException(message, cause);
    }

    public Compensations compensations() {
        return compensator;
    }

    public int port() {
        if (!started) {
            throw new IllegalStateException("the server is not started");
        }
        return listener.port();
    }

    /**
     * Stops gracefully: new requests get 503, in-flight ones may finish within the drain time, then the listener
     * and the worker pool stop, and last the resources given to close. Returns within about twice the drain time,
     * whatever the handlers do.
     */
    @Override
    public void close() {
        if (!started) {
            closeResources();
            return;
        }
        started = false;
        if (faults != null) {
            faults.stopped();
        }
        long drainMillis = settings.drainTime().toMillis();
        shutdown.shutdown();
        try {
            if (!shutdown.awaitShutdown(drainMillis)) {
                LOG.log(System.Logger.Level.WARNING, "requests still in flight after the drain time of {0} ms; "
                        + "stopping anyway", drainMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener.stop(drainMillis);
        if (accessLog != null) {
            accessLog.close(drainMillis);
        }
        compensator.close(settings.drainTime());
        if (ownedWorkers != null) {
            ownedWorkers.shutdown();
            try {
                if (!ownedWorkers.awaitTermination(drainMillis, TimeUnit.MILLISECONDS)) {
                    ownedWorkers.shutdownNow();
                }
            } catch (InterruptedException e) {
                ownedWorkers.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        closeResources();
    }

    /** Each resource given to close on stop, once, last given first; one failing stops no other. */
    private void closeResources() {
        List<AutoCloseable> resources;
        synchronized (closeOnStop) {
            resources = new ArrayList<>(closeOnStop);
            closeOnStop.clear();
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            AutoCloseable resource = resources.get(i);
            try {
                resource.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing " + resource + " as the server stopped failed", e);
            }
        }
    }
}
