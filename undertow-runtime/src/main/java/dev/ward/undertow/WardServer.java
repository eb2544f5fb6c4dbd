package dev.ward.undertow;

import dev.ward.undertow.internal.AdaptiveLimitSpec;
import dev.ward.undertow.internal.JournalStore;
import dev.ward.undertow.internal.OpenApiDocument;
import dev.ward.undertow.internal.ServerRuntime;
import dev.ward.undertow.internal.ServerSettings;
import dev.ward.undertow.internal.VirtualThreadWorkers;
import dev.ward.undertow.internal.XnioPreload;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * An Undertow server running Ward routes.
 *
 * <pre>{@code
 * try (WardServer server = WardServer.builder().port(8080).routes(new OrderHandlersRoutes(orders)).build()) {
 *     server.start();
 *     ...
 * }
 * }</pre>
 *
 * Handlers run on a bounded worker pool ({@value Builder#DEFAULT_WORKER_THREADS} threads and a queue of
 * {@value Builder#DEFAULT_WORKER_QUEUE} by default); when both are full a request is answered 503 at once.
 * {@link #close()} refuses new requests, lets in-flight ones finish within the drain time, then stops.
 */
public final class WardServer implements AutoCloseable {
    private final ServerRuntime runtime;

    private WardServer(ServerRuntime runtime) {
        this.runtime = runtime;
    }

    /** A builder; also begins loading XNIO in the background, which {@link #start()} needs in a fresh JVM. */
    public static Builder builder() {
        XnioPreload.begin();
        return new Builder();
    }

    /**
     * Replays the compensation journal, then starts listening. When the address cannot be bound (a port in use)
     * it throws {@link java.io.UncheckedIOException} "cannot listen on host:port: ..." with the
     * {@link java.net.BindException} as its cause, having stopped every thread the server had started.
     */
    public WardServer start() {
        runtime.start();
        return this;
    }

    /** Pending and dead-lettered compensations, and a way to retry the dead ones. */
    public Compensations compensations() {
        return runtime.compensations();
    }

    /** The port the server listens on: the one asked for, or the one the system chose for port 0. */
    public int port() {
        return runtime.port();
    }

    /**
     * Stops gracefully: new requests get 503, in-flight ones may finish within the drain time, then the listener
     * and the worker pool stop, and last the {@link Builder#closeOnStop resources given to close}. Returns within
     * about twice the drain time, whatever the handlers do.
     */
    @Override
    public void close() {
        runtime.close();
    }

    /** Configures a {@link WardServer}; every bound has a safe default, listed on its setter. */
    public static final class Builder {
        public static final int DEFAULT_WORKER_THREADS = 64;
        public static final int DEFAULT_WORKER_QUEUE = 1024;
        public static final long DEFAULT_MAX_ENTITY_SIZE = 2L * 1024 * 1024;
        public static final int DEFAULT_MAX_HEADER_SIZE = 32 * 1024;
        public static final int DEFAULT_ACCESS_LOG_QUEUE = 8192;
        public static final int DEFAULT_MAX_PENDING_COMPENSATIONS = 10_000;
        /** A retry for every 10 requests of retrying routes, as Finagle's and gRPC's retry budgets default to. */
        public static final double DEFAULT_RETRY_BUDGET_RATIO = 0.1;
        public static final int DEFAULT_RETRY_BUDGET_MIN_PER_SECOND = 10;
        static final long JOURNAL_COMPACT_AT_BYTES = 4L * 1024 * 1024;

        private String host = "127.0.0.1";
        private int port = 8080;
        private final List<Routes> routes = new ArrayList<>();
        private String openApiPath;
        private int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private int workerThreads = DEFAULT_WORKER_THREADS;
        private int workerQueue = DEFAULT_WORKER_QUEUE;
        private Duration workerKeepAlive = Duration.ofSeconds(30);
        private ExecutorService workers;
        private long maxEntitySize = DEFAULT_MAX_ENTITY_SIZE;
        private int maxHeaderSize = DEFAULT_MAX_HEADER_SIZE;
        private Duration parseTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration drainTime = Duration.ofSeconds(10);
        private Duration bodyTimeout = Duration.ofSeconds(30);
        private int maxParameters = 1000;
        private int maxHeaders = 100;
        private MeterRegistry meterRegistry;
        private ObservationRegistry observationRegistry;
        private AccessLogSink accessLogSink;
        private int accessLogQueue = DEFAULT_ACCESS_LOG_QUEUE;
        private Path compensationJournalDirectory;
        private CompensationJournal compensationJournal;
        private CompensationStore compensationStore;
        private int compensationThreads = 2;
        private int compensationQueue = 256;
        private int maxPendingCompensations = DEFAULT_MAX_PENDING_COMPENSATIONS;
        private Duration compensationHandlerWait = Duration.ofSeconds(30);
        private final List<AutoCloseable> closeOnStop = new ArrayList<>();
        private BodyCodec codec;
        private double retryBudgetRatio = DEFAULT_RETRY_BUDGET_RATIO;
        private int retryBudgetMinPerSecond = DEFAULT_RETRY_BUDGET_MIN_PER_SECOND;
        private AdaptiveLimitSpec adaptiveConcurrency;
        private boolean requestHistograms;
        private boolean virtualThreads;

        private Builder() {
        }

        /** The address to listen on; default {@code 127.0.0.1}. Use {@code 0.0.0.0} to listen everywhere. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; default 8080; 0 lets the system choose (see {@link WardServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The route groups to serve, usually generated {@code ...Routes} classes. */
        public Builder routes(Routes... routes) {
            for (Routes group : routes) {
                this.routes.add(Objects.requireNonNull(group, "routes"));
            }
            return this;
        }

        /**
         * Serves the HTTP contract at {@code path} (e.g. {@code "/openapi.json"}): the OpenAPI 3.1 documents Ward's
         * processor wrote into the class path's modules, merged (docs/contract.md), with a strong {@code ETag} and
         * 304 for a matching {@code If-None-Match}. {@link #build()} fails when there is none, or when two documents
         * claim one operation or differ on one schema.
         */
        public Builder openApi(String path) {
            if (Objects.requireNonNull(path, "path").isEmpty() || path.charAt(0) != '/') {
                throw new IllegalArgumentException("the OpenAPI path must start with '/', was \"" + path + "\"");
            }
            this.openApiPath = path;
            return this;
        }

        /** Undertow I/O threads; default the number of cores, at least 2. */
        public Builder ioThreads(int ioThreads) {
            this.ioThreads = positive(ioThreads, "ioThreads");
            return this;
        }

        /** Handler threads at most; default {@value #DEFAULT_WORKER_THREADS}. */
        public Builder workerThreads(int workerThreads) {
            this.workerThreads = positive(workerThreads, "workerThreads");
            return this;
        }

        /** Requests that may wait for a worker; past that, 503 at once. Default {@value #DEFAULT_WORKER_QUEUE}. */
        public Builder workerQueue(int workerQueue) {
            this.workerQueue = positive(workerQueue, "workerQueue");
            return this;
        }

        /** How long an idle worker thread lives; default 30 s. */
        public Builder workerKeepAlive(Duration keepAlive) {
            this.workerKeepAlive = positive(keepAlive, "workerKeepAlive");
            return this;
        }

        /**
         * Runs handlers on your executor instead of Ward's pool (for virtual threads, see {@link #virtualThreads()}).
         * You own it: Ward does not shut it down, and its bound is your bulkhead: a {@code RejectedExecutionException}
         * becomes a 503.
         */
        public Builder executor(ExecutorService executor) {
            this.workers = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Runs each handler on its own virtual thread (Java 21+) instead of Ward's pool of platform threads: a
         * handler that blocks (a JDBC call, an HTTP client) then holds no platform thread. At most
         * {@code workerThreads + workerQueue} handlers run at once (default 1,088, the requests the platform pool
         * admits); past that, 503 at once. Request bodies are read on the I/O thread before the handler runs, also
         * for {@code InputStream} bodies and the raw exchange's input stream (bounded by {@link #maxEntitySize}), so
         * no virtual thread ever blocks in XNIO's reads, which keep a selector per thread. Cannot be combined with
         * {@link #executor}.
         *
         * @throws IllegalStateException on Java 17 to 20, naming the version: leave it out there, and handlers run
         *     on the bounded platform pool
         */
        public Builder virtualThreads() {
            VirtualThreadWorkers.requireSupported();
            this.virtualThreads = true;
            return this;
        }

        /** The largest request body any route accepts; default 2 MiB. Larger ones get 413. */
        public Builder maxEntitySize(long bytes) {
            if (bytes <= 0 || bytes > Integer.MAX_VALUE / 2) {
                throw new IllegalArgumentException("maxEntitySize must be 1.." + Integer.MAX_VALUE / 2);
            }
            this.maxEntitySize = bytes;
            return this;
        }

        /** The largest request head (request line and headers); default 32 KiB. */
        public Builder maxHeaderSize(int bytes) {
            this.maxHeaderSize = positive(bytes, "maxHeaderSize");
            return this;
        }

        /** How long a client may take to send a request's head; default 10 s. */
        public Builder parseTimeout(Duration timeout) {
            this.parseTimeout = positive(timeout, "parseTimeout");
            return this;
        }

        /** How long a connection may sit idle between requests; default 60 s. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /**
         * How long a client may take to send a body that Ward buffers ({@code byte[]}, {@code String},
         * {@code @ReplayBody}); a slower one gets 408 and its connection is closed. Default 30 s.
         */
        public Builder bodyTimeout(Duration timeout) {
            this.bodyTimeout = positive(timeout, "bodyTimeout");
            return this;
        }

        /** The most query parameters a request may have; default 1000. More → 400. */
        public Builder maxParameters(int count) {
            this.maxParameters = positive(count, "maxParameters");
            return this;
        }

        /** The most headers (and cookies) a request may have; default 100. More → 400 or a closed connection. */
        public Builder maxHeaders(int count) {
            this.maxHeaders = positive(count, "maxHeaders");
            return this;
        }

        /** How long {@link WardServer#close()} waits for in-flight requests; default 10 s. */
        public Builder drainTime(Duration drainTime) {
            this.drainTime = positive(drainTime, "drainTime");
            return this;
        }

        /**
         * Where Ward's counters go, and, without an {@link #observationRegistry}, the timers of {@code @Traced}
         * routes. Without either registry Ward counts and observes nothing and adds no work.
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Something the server closes when it stops, after the listener and the workers (so no request still
         * uses it): a meter binder that holds listeners (Micrometer's {@code JvmGcMetrics}), a pool, a client.
         * Closed once, last given first; a failure is logged and the others are still closed. A server that was
         * never started closes them on {@link WardServer#close()} too.
         */
        public Builder closeOnStop(AutoCloseable resource) {
            this.closeOnStop.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /**
         * Observes {@code @Traced} routes, and requests no route matches, through this registry as it is
         * configured (its meter and tracing handlers). Ward adds no handler of its own to it.
         */
        public Builder observationRegistry(ObservationRegistry registry) {
            this.observationRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Writes an access log line per request, in the combined format, through a bounded queue to one
         * background thread: a slow sink never slows a request; a full queue drops lines and counts them
         * ({@code ward.accesslog.dropped}).
         */
        public Builder accessLog(AccessLogSink sink) {
            this.accessLogSink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** {@link #accessLog(AccessLogSink)} into a file, appended to, flushed whenever the queue runs dry. */
        public Builder accessLog(Path file) {
            Objects.requireNonNull(file, "file");
            return accessLog(new FileAccessLogSink(file));
        }

        /**
         * Makes compensations survive a crash: each is journaled in this directory before its first attempt, and
         * {@link WardServer#start()} runs again every one not recorded as succeeded or dead. One directory per
         * server instance. Without it, compensations live in memory only (a warning at start says so).
         */
        public Builder compensationJournal(Path directory) {
            this.compensationJournalDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** A single-instance journal of your own instead of the file journal. */
        public Builder compensationJournal(CompensationJournal journal) {
            this.compensationJournal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /**
         * A store shared by several server instances (ward-postgres's {@code PostgresCompensationStore}): any
         * instance runs the compensations that another recorded and could not finish, and
         * {@link WardServer#compensations()} lists every instance's dead letters. Replaces the journal.
         */
        public Builder compensationStore(CompensationStore store) {
            this.compensationStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Threads that run compensation attempts; default 2. */
        public Builder compensationThreads(int threads) {
            this.compensationThreads = positive(threads, "compensationThreads");
            return this;
        }

        /**
         * Attempts that may wait for a compensation thread; default 256. Past that, compensations (already
         * journaled) wait in memory until a thread frees up: never dropped.
         */
        public Builder compensationQueue(int attempts) {
            this.compensationQueue = positive(attempts, "compensationQueue");
            return this;
        }

        /**
         * How many compensations the server holds in memory at most: those pending, plus one place per
         * {@code @Compensable} request in flight (it may fail). When all are taken, a new {@code @Compensable}
         * request gets 503 before any of it runs ({@code ward.compensations.refused}). Default
         * {@value #DEFAULT_MAX_PENDING_COMPENSATIONS}. Dead letters do not count.
         */
        public Builder maxPendingCompensations(int compensations) {
            this.maxPendingCompensations = positive(compensations, "maxPendingCompensations");
            return this;
        }

        /** How long a compensation waits for its timed-out handler to return before it runs anyway; default 30 s. */
        public Builder compensationHandlerWait(Duration wait) {
            this.compensationHandlerWait = positive(wait, "compensationHandlerWait");
            return this;
        }

        /** How many access log lines may wait for the writer; default {@value #DEFAULT_ACCESS_LOG_QUEUE}. */
        public Builder accessLogQueue(int lines) {
            this.accessLogQueue = positive(lines, "accessLogQueue");
            return this;
        }

        /**
         * The codec of JSON bodies and results ({@code @Body OrderRequest}, a route returning {@code Order}).
         * Without one, the server uses the codec that {@link java.util.ServiceLoader} finds on the class path
         * ({@code dev.ward:ward-json} or {@code dev.ward:ward-jackson}); only routes that use JSON need one.
         */
        public Builder codec(BodyCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * The server's retry budget, shared by every {@code @Retry} route: each completed request of such a route
         * earns {@code ratio} of a retry (at most 100 requests' worth are saved up), and {@code minPerSecond}
         * retries a second are allowed besides, so a quiet server can still retry. A retry the budget cannot pay
         * for is not made: the failure is answered at once and counted as {@code ward.retries.budget.exhausted}.
         * Default {@value #DEFAULT_RETRY_BUDGET_RATIO} and {@value #DEFAULT_RETRY_BUDGET_MIN_PER_SECOND} a second.
         */
        public Builder retryBudget(double ratio, int minPerSecond) {
            if (!(ratio >= 0 && ratio <= 1)) {
                throw new IllegalArgumentException("retryBudget ratio must be from 0 to 1: " + ratio);
            }
            if (minPerSecond < 0) {
                throw new IllegalArgumentException("retryBudget minPerSecond must not be negative: " + minPerSecond);
            }
            this.retryBudgetRatio = ratio;
            this.retryBudgetMinPerSecond = minPerSecond;
            return this;
        }

        /**
         * Bounds the requests the server runs at once by a limit that follows their latency, starting at
         * {@code initial} and kept within {@code [min, max]}: while requests take about as long as the fastest seen
         * lately, it grows; when they take longer (work is queueing), it shrinks. A request over the limit is
         * answered 503 with {@code Retry-After: 1} at once, before it reads its body or waits for a worker, and
         * counted ({@code ward.concurrency.shed}); {@code ward.concurrency.limit} shows the limit. One limit for
         * every route, except routes with their own {@code @AdaptiveConcurrency}. Off by default.
         */
        public Builder adaptiveConcurrency(int initial, int min, int max) {
            this.adaptiveConcurrency = new AdaptiveLimitSpec(initial, min, max);
            return this;
        }

        /**
         * Publishes the request timers ({@code http.server.requests} and the names of {@code @Traced} routes) with
         * percentile histogram buckets, so a p99 can be computed across instances (in Prometheus,
         * {@code histogram_quantile} over the summed buckets; percentiles of separate instances cannot be added).
         * Adds a meter filter to the {@link #meterRegistry meter registry}, which it therefore needs; with an
         * observation registry, give the meter registry its meter handler records into.
         */
        public Builder requestHistograms() {
            this.requestHistograms = true;
            return this;
        }

        /**
         * Composes every route's chain. Fails with {@link IllegalStateException}, naming both route groups, when two
         * routes answer the same method and paths ({@code /a/{id}} and {@code /a/{other}} too), and naming the
         * route and the module to add when a route uses JSON and no codec is given or on the class path.
         */
        public WardServer build() {
            if (requestHistograms && meterRegistry == null) {
                throw new IllegalStateException("requestHistograms() needs the meter registry the request timers go "
                        + "to; pass it with meterRegistry(...)");
            }
            if (virtualThreads && workers != null) {
                throw new IllegalStateException("virtualThreads() and executor(...) both choose where handlers run; "
                        + "keep one of them");
            }
            List<Routes> routes = new ArrayList<>(this.routes);
            if (openApiPath != null) {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                routes.add(OpenApiDocument.load(openApiPath, loader != null ? loader
                        : WardServer.class.getClassLoader()));
            }
            return new WardServer(new ServerRuntime(new ServerSettings(host, port, routes, ioThreads, workerThreads,
                    workerQueue, workerKeepAlive, workers, maxEntitySize, maxHeaderSize, parseTimeout, idleTimeout,
                    drainTime, bodyTimeout, maxParameters, maxHeaders, meterRegistry, observationRegistry,
                    accessLogSink, accessLogQueue, store(), compensationThreads, compensationQueue,
                    maxPendingCompensations, compensationHandlerWait, closeOnStop, codec, retryBudgetRatio,
                    retryBudgetMinPerSecond, adaptiveConcurrency, requestHistograms, virtualThreads)));
        }

        private CompensationStore store() {
            return compensationStore != null ? compensationStore : new JournalStore(journal());
        }

        private CompensationJournal journal() {
            if (compensationJournal != null) {
                return compensationJournal;
            }
            if (compensationJournalDirectory == null) {
                return new InMemoryCompensationJournal();
            }
            try {
                return new FileCompensationJournal(compensationJournalDirectory, JOURNAL_COMPACT_AT_BYTES);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the compensation journal in "
                        + compensationJournalDirectory, e);
            }
        }

        private static int positive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
