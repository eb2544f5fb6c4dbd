package dev.ward.undertow.internal;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One route's declaration: method, template, the middleware it asked for, and its handler. Generated code
 * calls it in a single chain, e.g. {@code registry.route("GET", "/orders/{id}").recover().handler(...)}.
 */
public final class RouteBuilder {
    private final String method;
    private final String template;
    private final Consumer<RouteSpec> sink;
    private BodyMode bodyMode = BodyMode.NONE;
    private long bodyLimit;
    private boolean recover;
    private boolean nonBlocking;
    private Duration timeout;
    private String tracedAs;
    private CompensationSpec compensationSpec;
    private Compensation compensation;
    private Type bodyType;
    private Type resultType;
    private RetrySpec retry;
    private FallbackSpec fallback;
    private BreakerSpec breaker;
    private RateLimitSpec rateLimit;
    private AdaptiveLimitSpec adaptiveLimit;

    RouteBuilder(String method, String template, Consumer<RouteSpec> sink) {
        this.method = Objects.requireNonNull(method, "method");
        this.template = Objects.requireNonNull(template, "template");
        this.sink = sink;
    }

    /** The handler takes the body as {@code byte[]} or {@code String}: buffer it, bounded, before dispatch. */
    public RouteBuilder bufferBody() {
        bodyMode = BodyMode.BUFFERED;
        return this;
    }

    /** The handler takes the body as an {@code InputStream} and reads it on its worker thread. */
    public RouteBuilder streamBody() {
        bodyMode = BodyMode.STREAM;
        return this;
    }

    /**
     * {@code @ReplayBody}: buffer the body once, bounded by {@code maxBytes} instead of the server's limit, and
     * give every consumer (middleware, handler, the raw exchange's input stream) the whole body.
     */
    public RouteBuilder replayBody(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        bodyMode = BodyMode.REPLAY;
        bodyLimit = maxBytes;
        return this;
    }

    /**
     * The handler takes the body as a value of {@code type}, decoded by the server's codec from the buffered body
     * (the replayed one with {@code @ReplayBody}); the codec's reader is resolved when the server is built.
     */
    public RouteBuilder reads(Type type) {
        bodyType = Objects.requireNonNull(type, "type");
        if (bodyMode != BodyMode.REPLAY) {
            bodyMode = BodyMode.BUFFERED;
        }
        return this;
    }

    /** The handler answers values of {@code type}, encoded by the server's codec's writer for that type. */
    public RouteBuilder writes(Type type) {
        resultType = Objects.requireNonNull(type, "type");
        return this;
    }

    /** {@code @Recover}: every failure becomes a logged, counted 500 problem (or an aborted connection). */
    public RouteBuilder recover() {
        recover = true;
        return this;
    }

    /**
     * {@code @NonBlocking}: run the handler on the connection's I/O thread, not on a worker. Only for handlers that
     * never block; a route with a deadline or a streamed body needs a worker and is refused.
     */
    public RouteBuilder nonBlocking() {
        nonBlocking = true;
        return this;
    }

    /** {@code @Timeout}: the route must answer within this time of entering its chain. */
    public RouteBuilder timeout(long amount, ChronoUnit unit) {
        Duration duration = Duration.of(amount, unit);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + duration);
        }
        timeout = duration;
        return this;
    }

    /**
     * {@code @Traced}: observe the route as {@code name}, or as {@code http.server.requests} when it is empty.
     * Costs nothing unless the server has an observation or meter registry.
     */
    public RouteBuilder traced(String name) {
        tracedAs = name.isEmpty() ? HttpObservations.DEFAULT_NAME : name;
        return this;
    }

    /**
     * {@code @Compensable}: when a request fails (an exception, a passed deadline, a 5xx), run
     * {@code compensation} with the values {@code spec} captures, asynchronously, with retries.
     */
    public RouteBuilder compensable(CompensationSpec spec, Compensation compensation) {
        this.compensationSpec = Objects.requireNonNull(spec, "spec");
        this.compensation = Objects.requireNonNull(compensation, "compensation");
        return this;
    }

    /** Adds the route with its handler. */
    public void handler(RouteHandler handler) {
        if (nonBlocking && (timeout != null || bodyMode == BodyMode.STREAM)) {
            throw new IllegalStateException(method + " " + template + " runs on an I/O thread (nonBlocking), but "
                    + (timeout != null ? "a timeout interrupts a worker" : "a streamed body blocks on reads")
                    + "; remove one of them");
        }
        if (retry != null && bodyMode == BodyMode.STREAM) {
            throw new IllegalStateException(method + " " + template + " retries, but its streamed body is consumed "
                    + "by the first attempt; replay it (replayBody) or remove the retry");
        }
        sink.accept(new RouteSpec(method, template, bodyMode, bodyLimit, recover, nonBlocking, timeout, tracedAs,
                compensationSpec, compensation, bodyType, resultType, Objects.requireNonNull(handler), retry,
                fallback, breaker, rateLimit, adaptiveLimit));
    }

    /**
     * {@code @Retry}: run the handler (middleware and bindings included) again on a failure {@code spec} retries,
     * within the deadline and the server's retry budget.
     */
    public RouteBuilder retry(RetrySpec spec) {
        this.retry = Objects.requireNonNull(spec, "spec");
        return this;
    }

    /**
     * {@code @Fallback}: answer with the fallback the handler registers ({@link RouteExchange#onFailure}) on a
     * failure {@code spec} applies on, after any retry gave up.
     */
    public RouteBuilder fallback(FallbackSpec spec) {
        this.fallback = Objects.requireNonNull(spec, "spec");
        return this;
    }

    /**
     * {@code @CircuitBreaker}: refuse the route with 503 while failures reach {@code failureRatio} of the last
     * {@code window} requests; routes giving the same non-empty {@code name} share one breaker.
     */
    public RouteBuilder circuitBreaker(String name, double failureRatio, int window, int minimumCalls,
                                       long openForMillis, int halfOpenCalls) {
        breaker = new BreakerSpec(Objects.requireNonNull(name, "name"),
                new Breaker.Settings(failureRatio, window, minimumCalls, openForMillis, halfOpenCalls));
        return this;
    }

    /**
     * {@code @RateLimit}: at most {@code permits} requests per {@code perMillis}, {@code burst} more after a pause,
     * per value of {@code keyHeader} (empty: for the whole route), keeping at most {@code maxKeys} keys.
     */
    public RouteBuilder rateLimit(int permits, long perMillis, int burst, String keyHeader, int maxKeys) {
        if (permits < 1 || perMillis <= 0 || perMillis > RateLimitSpec.MAX_PER_MILLIS || burst < 0 || maxKeys < 1) {
            throw new IllegalArgumentException("a rate limit needs permits >= 1, per in 1.."
                    + RateLimitSpec.MAX_PER_MILLIS + " ms, burst >= 0, maxKeys >= 1");
        }
        rateLimit = new RateLimitSpec(permits, perMillis, burst, Objects.requireNonNull(keyHeader, "keyHeader"),
                maxKeys);
        return this;
    }

    /** {@code @AdaptiveConcurrency}: the route's own latency-following limit, in place of the server's. */
    public RouteBuilder adaptiveConcurrency(int initial, int min, int max) {
        adaptiveLimit = new AdaptiveLimitSpec(initial, min, max);
        return this;
    }
}
