package dev.ward.undertow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A route's {@code @Compensable}: which method compensates it, how often to try, and which of the request's
 * values to capture for it (only those: nothing else of the request is kept or journaled).
 */
public final class CompensationSpec {
    private final String method;
    private int maxAttempts = 5;
    private long backoffMillis = 100;
    private final List<String> queries = new ArrayList<>();
    private final List<String> headers = new ArrayList<>();
    private boolean body;

    private CompensationSpec(String method) {
        this.method = Objects.requireNonNull(method, "method");
    }

    /** The compensation method's name, as {@code @Compensable(compensate = ...)} gives it. */
    public static CompensationSpec calling(String method) {
        return new CompensationSpec(method);
    }

    public CompensationSpec maxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        return this;
    }

    public CompensationSpec backoffMillis(long backoffMillis) {
        if (backoffMillis < 0) {
            throw new IllegalArgumentException("backoffMillis must not be negative: " + backoffMillis);
        }
        this.backoffMillis = backoffMillis;
        return this;
    }

    /** Captures a query parameter (its first value) for the compensation. Path variables are always captured. */
    public CompensationSpec query(String name) {
        queries.add(name);
        return this;
    }

    /** Captures a request header (its first value) for the compensation. */
    public CompensationSpec header(String name) {
        headers.add(name);
        return this;
    }

    /** Captures the (replayed) body for the compensation. */
    public CompensationSpec body() {
        body = true;
        return this;
    }

    String method() {
        return method;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    long backoffMillis() {
        return backoffMillis;
    }

    List<String> queries() {
        return queries;
    }

    List<String> headers() {
        return headers;
    }

    boolean capturesBody() {
        return body;
    }
}
