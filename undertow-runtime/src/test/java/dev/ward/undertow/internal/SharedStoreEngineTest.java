package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.undertow.CompensationStore;
import dev.ward.undertow.JournalEntry;
import dev.ward.undertow.JournalState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine against a store shared with other instances, scripted: a failure reported twice, a store that stops
 * answering and comes back, a claim taken over by another instance, work left by a dead instance.
 */
class SharedStoreEngineTest {
    private static final String ROUTE = "POST /orders";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ScriptedStore store = new ScriptedStore();
    private final List<String> compensated = new CopyOnWriteArrayList<>();
    private final Map<String, Compensation> compensations = new HashMap<>();
    private Compensator compensator;

    @AfterEach
    void close() {
        if (compensator != null) {
            compensator.close(Duration.ofSeconds(5));
        }
    }

    private void start() throws Exception {
        compensations.put(Compensator.key(ROUTE, "release"),
                (arguments, context) -> compensated.add(context.idempotencyKey() + " attempt " + context.attempt()));
        compensator = new Compensator(store, compensations, 2, 4, 10, Duration.ofSeconds(5), new WardMetrics(meters));
        compensator.start();
    }

    private void fail(String id, String key, CompletableFuture<Void> handlerReturned) {
        assertTrue(compensator.hold(), "a place for the request");
        compensator.schedule(entry(id, key), compensations.get(Compensator.key(ROUTE, "release")), handlerReturned,
                "exception");
    }

    private static JournalEntry entry(String id, String key) {
        return new JournalEntry(id, ROUTE, "release", key, "the response status was 500",
                Instant.parse("2026-01-01T00:00:00Z"), 3, 1, Map.of(), Map.of(), Map.of(), null, null);
    }

    @Test
    void aFailureReportedTwiceIsCompensatedOnceAndBothPlacesAreGivenBack() throws Exception {
        start();
        fail("first", "req-1", CompletableFuture.completedFuture(null));
        fail("second", "req-1", CompletableFuture.completedFuture(null));

        Await.until(() -> store.succeeded.contains("first"), store.succeeded::toString);
        Await.until(() -> held() == 0, () -> "held " + held());
        assertEquals(List.of("req-1 attempt 1"), compensated);
        assertEquals(List.of("first"), store.succeeded);
    }

    @Test
    void whileTheStoreIsUnreachableRequestsAreRefusedAndTheRecordIsRetriedUntilItAnswers() throws Exception {
        start();
        store.down = true;
        try (LogCapture logs = new LogCapture()) {
            fail("c1", "req-1", CompletableFuture.completedFuture(null));
            Await.until(() -> !compensator.storeReachable());
            assertFalse(compensator.hold(), "no compensable request is accepted that could not be recorded");
            assertEquals(0.0, gauge(WardMetrics.COMPENSATION_STORE_REACHABLE));
            Await.until(() -> count(WardMetrics.COMPENSATION_STORE_FAILURES) >= 3, () -> "failures "
                    + count(WardMetrics.COMPENSATION_STORE_FAILURES));
            assertEquals(List.of(), compensated, "nothing runs before it is recorded");
            assertEquals(1, logs.mentioning("the compensation store is unreachable").size(),
                    "one error when it goes, not one per try");

            store.down = false;
            Await.until(() -> store.succeeded.contains("c1"), store.succeeded::toString);
            Await.until(compensator::storeReachable);
            assertEquals(List.of("req-1 attempt 1"), compensated);
            assertEquals(1.0, count(WardMetrics.COMPENSATION_STORE_RECONNECTS));
            assertEquals(1.0, gauge(WardMetrics.COMPENSATION_STORE_REACHABLE));
            assertTrue(compensator.hold(), "requests are accepted again");
            assertEquals(1, logs.mentioning("the compensation store answers again").size());
        }
    }

    @Test
    void theTriesOfAnUnreachableStoreBackOff() throws Exception {
        start();
        store.down = true;
        try (LogCapture logs = new LogCapture()) {
            Await.until(() -> store.triedAt.size() >= 5, store.calls::toString);
            // 50, 100, 200, then 400 ms between tries, where a store that answers is asked every 50 ms
            long lastGap = store.triedAt.get(4) - store.triedAt.get(3);
            assertTrue(lastGap >= 350_000_000L, "the 4th wait was " + lastGap / 1_000_000 + " ms");
            assertEquals(1, logs.mentioning("the compensation store is unreachable").size());
        }
    }

    @Test
    void aCompensationAnotherInstanceTookOverIsNotRunHere() throws Exception {
        start();
        CompletableFuture<Void> handlerReturned = new CompletableFuture<>();
        try (LogCapture logs = new LogCapture()) {
            fail("c1", "req-1", handlerReturned);
            Await.until(() -> store.renewed.contains("c1"), store.renewed::toString);
            store.lost.add("c1");
            Await.until(() -> store.renewedAfterLoss);
            handlerReturned.complete(null);
            // The engine gives the place back, then logs: wait for both, the log line last.
            Await.until(() -> held() == 0, () -> "held " + held());
            String warning = "compensation c1 for request req-1 is held by another instance now";
            Await.until(() -> !logs.mentioning(warning).isEmpty());
            assertEquals(List.of(), compensated);
            assertEquals(1, logs.mentioning(warning).size());
        }
    }

    @Test
    void workLeftByADeadInstanceIsClaimedAndGoesOnFromItsAttempts() throws Exception {
        start();
        store.claimable.add(new JournalState(entry("orphaned", "req-9"), 2, false, "earlier failure"));
        Await.until(() -> store.succeeded.contains("orphaned"), store.succeeded::toString);
        assertEquals(List.of("req-9 attempt 3"), compensated);
        Await.until(() -> held() == 0, () -> "held " + held());
    }

    private double held() {
        return gauge(WardMetrics.COMPENSATIONS_HELD);
    }

    private double gauge(String name) {
        return meters.find(name).gauge().value();
    }

    private double count(String name) {
        var counter = meters.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A shared store in memory that can be made unreachable, and told that claims were lost. */
    private static final class ScriptedStore implements CompensationStore {
        volatile boolean down;
        volatile boolean renewedAfterLoss;
        final List<String> calls = new CopyOnWriteArrayList<>();
        /** When the claims thread tried the store (it renews first), in nanoseconds. */
        final List<Long> triedAt = new CopyOnWriteArrayList<>();
        final Set<String> keys = new HashSet<>();
        final List<String> succeeded = new CopyOnWriteArrayList<>();
        final Set<String> renewed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final Set<String> lost = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final List<JournalState> claimable = new CopyOnWriteArrayList<>();

        private void answer(String call) throws IOException {
            calls.add(call);
            if (down) {
                throw new ConnectException("Connection refused");
            }
        }

        @Override
        public synchronized List<JournalEntry> record(List<JournalEntry> entries) throws IOException {
            answer("record");
            List<JournalEntry> fresh = new ArrayList<>();
            for (JournalEntry entry : entries) {
                if (keys.add(entry.route() + entry.method() + entry.idempotencyKey())) {
                    fresh.add(entry);
                }
            }
            return fresh;
        }

        @Override
        public List<JournalState> claim(int limit) throws IOException {
            answer("claim");
            List<JournalState> claimed = new ArrayList<>(claimable);
            claimable.removeAll(claimed);
            return claimed;
        }

        @Override
        public Set<String> renew(Collection<String> ids) throws IOException {
            triedAt.add(System.nanoTime());
            answer("renew");
            renewed.addAll(ids);
            Set<String> gone = new HashSet<>(lost);
            gone.retainAll(ids);
            renewedAfterLoss |= !gone.isEmpty();
            return gone;
        }

        @Override
        public void attemptFailed(String id, int attempt, String error) {
        }

        @Override
        public void succeeded(String id) throws IOException {
            answer("succeeded");
            succeeded.add(id);
        }

        @Override
        public void deadLettered(JournalState state) {
        }

        @Override
        public void setAside(JournalState state) {
        }

        @Override
        public List<JournalState> deadLetters() {
            return List.of();
        }

        @Override
        public Optional<JournalState> revive(String id, Predicate<JournalEntry> runnable) {
            return Optional.empty();
        }

        @Override
        public boolean durable() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
