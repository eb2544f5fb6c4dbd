package dev.ward.undertow;

import java.time.Instant;
import java.util.Map;

/**
 * A pending compensation as a {@link CompensationJournal} stores it: everything needed to run it again after a
 * restart, and nothing else of the request.
 *
 * @param id     the compensation's own id (a dead letter is retried by it)
 * @param route  {@code POST /orders}
 * @param method the compensation method's name
 */
public record JournalEntry(String id, String route, String method, String idempotencyKey, String failure,
                           Instant failedAt, int maxAttempts, long backoffMillis, Map<String, String> path,
                           Map<String, String> query, Map<String, String> headers, byte[] body, String charset) {
}
