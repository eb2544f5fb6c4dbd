package dev.ward.undertow.internal;

import java.lang.reflect.Type;
import java.time.Duration;

/**
 * A declared route, before the server composes its chain. {@code timeout} is null without {@code @Timeout};
 * {@code bodyLimit} is {@code @ReplayBody}'s bound, 0 for the server's entity limit; {@code tracedAs} is the
 * {@code @Traced} observation name, null when the route is not traced; {@code compensation} and
 * {@code compensationSpec} are {@code @Compensable}'s, null when the route is not compensable; {@code nonBlocking}
 * runs the handler on the I/O thread; {@code bodyType} and {@code resultType} are the types of a JSON body and
 * result, null when the route has none; {@code retry} and {@code fallback} are {@code @Retry}'s and
 * {@code @Fallback}'s, and {@code breaker}, {@code rateLimit} and {@code adaptiveLimit} are
 * {@code @CircuitBreaker}'s, {@code @RateLimit}'s and {@code @AdaptiveConcurrency}'s, null when not declared.
 */
record RouteSpec(String method, String template, BodyMode bodyMode, long bodyLimit, boolean recover,
                 boolean nonBlocking, Duration timeout, String tracedAs, CompensationSpec compensationSpec, Compensation compensation,
                 Type bodyType, Type resultType, RouteHandler handler, RetrySpec retry, FallbackSpec fallback,
                 BreakerSpec breaker, RateLimitSpec rateLimit, AdaptiveLimitSpec adaptiveLimit) {

    /** How the route is named in logs, metrics and errors: {@code GET /orders/{id}}. */
    String name() {
        return method + " " + template;
    }

    /**
     * The same route with its body read on the I/O thread before the handler runs, bounded by {@code limit}, and
     * replayed to whoever reads it (an {@code InputStream} body, the raw exchange's input stream): on virtual
     * threads no handler may block in XNIO's reads, whose selector per thread only a finalizer frees.
     */
    RouteSpec bufferedForVirtualThreads(long limit) {
        return new RouteSpec(method, template, BodyMode.REPLAY, limit, recover, nonBlocking, timeout, tracedAs,
                compensationSpec, compensation, bodyType, resultType, handler, retry, fallback, breaker, rateLimit,
                adaptiveLimit);
    }
}
