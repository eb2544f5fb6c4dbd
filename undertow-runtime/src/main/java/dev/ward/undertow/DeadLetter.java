package dev.ward.undertow;

import java.time.Instant;

/**
 * A compensation that failed {@code attempts} times and was set aside: kept (in the journal, if there is one),
 * listed by {@link Compensations#deadLetters()}, and retried by {@link Compensations#retry(String)}.
 */
public record DeadLetter(String id, String route, String idempotencyKey, String failure, Instant failedAt,
                         int attempts, String lastError) {
}
