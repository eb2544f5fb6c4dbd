package dev.ward.undertow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CompensationStore} must do, run against each (memory, file, PostgreSQL): what is recorded is
 * claimed again after a restart, and after a second one, in every state it reached (pending with its attempts and
 * last error, dead, revived); a success is never handed out again; data the store did not write, or wrote in a
 * newer version, is refused with an error that says so. A store that does not survive its process says so
 * ({@link CompensationStore#durable()}) and starts empty.
 */
public abstract class CompensationStoreContract {

    /** Opens the store: the same storage every time, as a restarted instance called {@code instance} would. */
    protected abstract CompensationStore open(String instance) throws Exception;

    /** Whether several instances share the store (and a failure reported twice is recorded once). */
    protected abstract boolean shared();

    /** Leaves data in the storage that this store did not write; returns what the refusal must say. */
    protected abstract String writeForeignData() throws Exception;

    /** Leaves data of the store's next format version; returns what the refusal must say. */
    protected abstract String writeFutureVersion() throws Exception;

    protected static JournalEntry entry(String id, byte[] body) {
        return new JournalEntry(id, "POST /orders", "releaseStock", "key-" + id, "the response status was 500",
                Instant.ofEpochMilli(1_700_000_000_123L), 5, 100, Map.of("id", "7"), Map.of("sku", "apple"),
                Map.of("X-Tenant", "acme"), body, body == null ? null : "UTF-8");
    }

    private static void assertEveryField(JournalEntry expected, JournalEntry actual) {
        assertEquals(List.of(expected.id(), expected.route(), expected.method(), expected.idempotencyKey(),
                        expected.failure(), expected.failedAt(), expected.maxAttempts(), expected.backoffMillis(),
                        expected.path(), expected.query(), expected.headers(), String.valueOf(expected.charset())),
                List.of(actual.id(), actual.route(), actual.method(), actual.idempotencyKey(), actual.failure(),
                        actual.failedAt(), actual.maxAttempts(), actual.backoffMillis(), actual.path(), actual.query(),
                        actual.headers(), String.valueOf(actual.charset())));
        assertArrayEquals(expected.body(), actual.body());
    }

    private CompensationStore restart(CompensationStore store) throws Exception {
        store.close();
        return open("one");
    }

    private static List<String> describe(List<JournalState> states) {
        return states.stream().map(state -> state.entry().id() + " attempts=" + state.attempts() + " dead="
                + state.dead() + " error=" + state.lastError()).toList();
    }

    @Test
    void everyStateSurvivesTwoRestartsAndASuccessIsNeverHandedOutAgain() throws Exception {
        CompensationStore store = open("one");
        assertEquals(List.of(), store.claim(100), "a new store holds nothing");
        List<JournalEntry> recorded = store.record(List.of(entry("a", "body-a".getBytes(StandardCharsets.UTF_8)),
                entry("b", null), entry("c", null), entry("d", null)));
        assertEquals(List.of("a", "b", "c", "d"), recorded.stream().map(JournalEntry::id).toList());
        store.attemptFailed("a", 1, "stock service down");
        store.succeeded("b");
        store.deadLettered(new JournalState(entry("c", null), 5, true, "still down"));
        assertEquals(List.of("c attempts=5 dead=true error=still down"), describe(store.deadLetters()));

        store = restart(store);
        if (!store.durable()) {
            assertEquals(List.of(), store.claim(100), "memory only: a restart starts empty, and says so");
            assertEquals(List.of(), store.deadLetters());
            store.close();
            return;
        }
        List<JournalState> claimed = store.claim(100);
        assertEquals(List.of("a attempts=1 dead=false error=stock service down",
                "d attempts=0 dead=false error=null"), describe(claimed));
        assertEveryField(entry("a", "body-a".getBytes(StandardCharsets.UTF_8)), claimed.get(0).entry());
        assertEveryField(entry("d", null), claimed.get(1).entry());
        assertEquals(List.of("c attempts=5 dead=true error=still down"), describe(store.deadLetters()));
        store.attemptFailed("a", 2, "down again");
        assertTrue(store.revive("c", entry -> true).isPresent());
        assertEquals(List.of(), store.deadLetters());

        store = restart(store);
        assertEquals(List.of("a attempts=2 dead=false error=down again", "c attempts=0 dead=false error=null",
                "d attempts=0 dead=false error=null"), describe(store.claim(100)));
        store.succeeded("a");
        store.succeeded("c");
        store.deadLettered(new JournalState(entry("d", null), 5, true, "gave up"));

        store = restart(store);
        assertEquals(List.of(), store.claim(100), "succeeded and dead: nothing to run");
        assertEquals(List.of("d attempts=5 dead=true error=gave up"), describe(store.deadLetters()));
        store.close();
    }

    /** A store, opened and claimed from, in which {@code id} was just recorded. */
    private CompensationStore openHolding(String id) throws Exception {
        CompensationStore store = open("one");
        store.claim(100);
        store.record(List.of(entry(id, null)));
        return store;
    }

    @Test
    void aDeadLetterIsRevivedOnlyWhenItsMethodCanRunAndOnlyOnce() throws Exception {
        CompensationStore store = openHolding("a");
        store.deadLettered(new JournalState(entry("a", null), 5, true, "down"));

        assertFalse(store.revive("a", entry -> false).isPresent(), "no method for it in this build");
        assertFalse(store.revive("no-such-id", entry -> true).isPresent());
        JournalState revived = store.revive("a", entry -> true).orElseThrow();
        assertEquals("a attempts=0 dead=false error=null", describe(List.of(revived)).get(0));
        assertFalse(store.revive("a", entry -> true).isPresent(), "no longer a dead letter");
        store.close();
    }

    @Test
    void whatThisBuildCannotRunIsSetAsideAndListedWithItsReason() throws Exception {
        CompensationStore store = openHolding("a");
        store.setAside(new JournalState(entry("a", null), 1, true, "no compensation releaseStock in this build"));
        assertEquals(List.of("a attempts=1 dead=true error=no compensation releaseStock in this build"),
                describe(store.deadLetters()));
        store.close();
    }

    @Test
    void aFailureReportedTwiceIsRecordedOnce() throws Exception {
        assumeTrue(shared(), "a single instance never reports a failure twice");
        CompensationStore store = open("one");
        store.claim(100);
        JournalEntry again = new JournalEntry("a-again", "POST /orders", "releaseStock", "key-a", "late report",
                Instant.now(), 5, 100, Map.of(), Map.of(), Map.of(), null, null);
        assertEquals(1, store.record(List.of(entry("a", null))).size());
        assertEquals(List.of(), store.record(List.of(again)), "the same route, method and key: already recorded");
        store.close();
    }

    @Test
    void dataThisStoreDidNotWriteIsRefusedWithAClearError() throws Exception {
        assertRefused(this::writeForeignData);
    }

    @Test
    void dataOfANewerVersionIsRefusedWithAClearError() throws Exception {
        assertRefused(this::writeFutureVersion);
    }

    private interface Corruption {
        String leaveData() throws Exception;
    }

    /** Opening the store over what {@code corruption} left fails, saying what it returned; nothing is claimed. */
    private void assertRefused(Corruption corruption) throws Exception {
        assumeTrue(open("probe").durable(), "memory only: nothing is read");
        String expected = corruption.leaveData();
        IOException refused = assertThrows(IOException.class, () -> open("one").claim(100));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
