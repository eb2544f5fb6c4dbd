package dev.ward;

import java.time.Instant;

/**
 * What a compensation method may know about the failure it compensates. Take it as a parameter of the method
 * named by {@link Compensable#compensate()}.
 *
 * <p>Compensations run at least once: after a crash, a compensation whose success was not yet recorded runs
 * again with the same {@link #idempotencyKey()}. Make them idempotent (use the key), and let them tolerate having
 * nothing to undo: a request may fail before its handler did anything.
 */
public interface CompensationContext {
    /** The failed request's id ({@code X-Request-Id}): the same on every attempt, also after a restart. */
    String idempotencyKey();

    /** The route that failed, as {@code POST /orders}. */
    String route();

    /** This attempt's number, from 1. */
    int attempt();

    /** What failed: an exception's class, a passed deadline, or a 5xx status; never a stack trace. */
    String failure();

    /** When the request failed. */
    Instant failedAt();
}
