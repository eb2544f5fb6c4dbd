package dev.ward.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.undertow.JournalEntry;
import dev.ward.undertow.JournalState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Leases between two instances, by the database's clock: renewed, a claim outlives its lease and no one else
 * takes it; not renewed, the other instance takes it once the lease has passed, and the first learns it lost it.
 */
class LeaseTest {
    private static final Duration LEASE = Duration.ofSeconds(1);
    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    private PostgresCompensationStore store(String instance) {
        return PostgresCompensationStore.builder(database.pool()).instance(instance).lease(LEASE)
                .pollInterval(Duration.ofMillis(10)).build();
    }

    private static JournalEntry entry(String id) {
        return new JournalEntry(id, "POST /orders", "releaseStock", "key-" + id, "the response status was 500",
                Instant.now(), 5, 100, Map.of(), Map.of(), Map.of(), null, null);
    }

    @Test
    void aRenewedClaimOutlivesItsLeaseAndAnAbandonedOneIsTakenOver() throws Exception {
        PostgresCompensationStore alive = store("alive");
        PostgresCompensationStore other = store("other");
        alive.claim(10);
        other.claim(10);
        alive.record(List.of(entry("held")));

        long end = System.nanoTime() + 2 * LEASE.toNanos();
        while (System.nanoTime() < end) { // two leases long, renewed as the engine would
            assertEquals(Set.of(), alive.renew(Set.of("held")));
            Thread.sleep(10); // the pace of the polling loop this stands in for
            assertEquals(List.of(), other.claim(10), "held by a live instance");
        }

        // alive stops renewing (it died, or stalled): one lease later, by the database's clock, other takes over.
        List<JournalState> taken = List.of();
        long deadline = System.nanoTime() + 5 * LEASE.toNanos();
        while (taken.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            taken = other.claim(10);
        }
        assertEquals(List.of("held"), taken.stream().map(state -> state.entry().id()).toList());
        Thread.sleep(LEASE.toMillis() / 3); // renewals are due a third of a lease after the last one
        assertEquals(Set.of("held"), alive.renew(Set.of("held")), "the stalled instance learns it lost the claim");
        alive.attemptFailed("held", 1, "a late failure from the stalled instance");
        assertEquals("0 other", SharedCompensationsTest.query(database.name(),
                "SELECT attempts || ' ' || claimed_by FROM ward_compensation"),
                "a lost claim's outcome does not overwrite the new holder's");
    }
}
