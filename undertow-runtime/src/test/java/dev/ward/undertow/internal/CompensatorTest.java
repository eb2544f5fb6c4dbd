package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.undertow.CompensationJournal;
import dev.ward.undertow.DeadLetter;
import dev.ward.undertow.JournalEntry;
import dev.ward.undertow.JournalState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The compensation engine alone, driven with journal entries: no server, no exchange. Its retry timer records
 * the backoff it was asked for and runs the retry at once, so backoffs of seconds are checked in milliseconds.
 */
class CompensatorTest {
    private static final String ROUTE = "POST /orders";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingJournal journal = new RecordingJournal();
    private final RetryTimers timers = new RetryTimers();
    private final Map<String, Compensation> compensations = new HashMap<>();
    private final List<Integer> attempts = new CopyOnWriteArrayList<>();
    private Compensator compensator;

    @AfterEach
    void close() {
        if (compensator != null) {
            compensator.close(Duration.ofSeconds(5));
        }
    }

    private Compensator start(Duration handlerWait) throws Exception {
        compensator = new Compensator(journal, compensations, 2, 4, 3, handlerWait, new WardMetrics(meters), timers);
        compensator.start();
        return compensator;
    }

    /** What the completion step does for a failed request: its place passes to its compensation. */
    private void schedule(JournalEntry entry, Compensation compensation, CompletableFuture<Void> handlerReturned) {
        assertTrue(compensator.hold(), "a place for the request");
        compensator.schedule(entry, compensation, handlerReturned, "exception");
    }

    /** A compensation that fails until {@code succeedAt} (0: always), recording each attempt's number. */
    private Compensation failingUntil(int succeedAt, AtomicBoolean recovered) {
        return (arguments, context) -> {
            attempts.add(context.attempt());
            if (!recovered.get() && (succeedAt == 0 || context.attempt() < succeedAt)) {
                throw new IllegalStateException("stock service down for " + arguments.pathParam("id"));
            }
        };
    }

    private static JournalEntry entry(String id, int maxAttempts, long backoffMillis) {
        return new JournalEntry(id, ROUTE, "release", "req-" + id, "the response status was 500",
                Instant.parse("2026-01-01T00:00:00Z"), maxAttempts, backoffMillis, Map.of("id", "17"), Map.of(),
                Map.of(), null, null);
    }

    @Test
    void aFailingAttemptIsRetriedAfterItsBackoffUntilItSucceeds() throws Exception {
        start(Duration.ofSeconds(5));
        schedule(entry("c1", 5, 1_000), failingUntil(3, new AtomicBoolean()), CompletableFuture.completedFuture(null));

        Await.until(() -> journal.calls.contains("succeeded c1"), journal::toString);
        assertEquals(List.of(1, 2, 3), attempts);
        assertEquals(List.of("pending c1",
                "attemptFailed c1 1 java.lang.IllegalStateException: stock service down for 17",
                "attemptFailed c1 2 java.lang.IllegalStateException: stock service down for 17",
                "succeeded c1"), journal.calls);
        assertEquals(2, timers.delays.size(), "one backoff per failed attempt");
        assertBetween(500, 1_000, timers.delays.get(0));
        assertBetween(1_000, 2_000, timers.delays.get(1));
        assertEquals(1.0, count(WardMetrics.COMPENSATIONS_SCHEDULED));
        assertEquals(2.0, count(WardMetrics.COMPENSATIONS_RETRIED));
        assertEquals(1.0, count(WardMetrics.COMPENSATIONS_SUCCEEDED));
        assertEquals(0, compensator.pending());
        assertEquals(0, held(), "a succeeded compensation gives its place back");
        assertTrue(compensator.deadLetters().isEmpty());
    }

    @Test
    void theBackoffDoublesUpToItsCapThenTheCompensationIsADeadLetter() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            start(Duration.ofSeconds(5));
            schedule(entry("c2", 6, 8_000), failingUntil(0, new AtomicBoolean()),
                    CompletableFuture.completedFuture(null));

            Await.until(() -> !compensator.deadLetters().isEmpty());
            // 8 s, 16 s, then the 30 s cap, however many attempts fail; each jittered into [half, all].
            long[] ceilings = {8_000, 16_000, 30_000, 30_000, 30_000};
            assertEquals(ceilings.length, timers.delays.size(), timers.delays::toString);
            for (int i = 0; i < ceilings.length; i++) {
                assertBetween(ceilings[i] / 2, ceilings[i], timers.delays.get(i));
            }
            assertEquals(List.of(1, 2, 3, 4, 5, 6), attempts);
            DeadLetter dead = compensator.deadLetters().get(0);
            assertEquals(new DeadLetter("c2", ROUTE, "req-c2", "the response status was 500",
                    Instant.parse("2026-01-01T00:00:00Z"), 6,
                    "java.lang.IllegalStateException: stock service down for 17"), dead);
            assertEquals("deadLettered c2 6 java.lang.IllegalStateException: stock service down for 17",
                    journal.calls.get(journal.calls.size() - 1));
            assertEquals(1.0, count(WardMetrics.COMPENSATIONS_DEAD));
            assertEquals(5.0, count(WardMetrics.COMPENSATIONS_RETRIED));
            assertEquals(0, compensator.pending());
            assertEquals(0, held(), "a dead letter holds no place");
            assertEquals(1, logs.mentioning("failed 6 times and is now a dead letter (c2)").size());
            assertEquals(Level.SEVERE, logs.mentioning("dead letter").get(0).getLevel());
        }
    }

    @Test
    void theBackoffNeverOverflowsPastItsCap() {
        for (int failedAttempts : new int[] {31, 62, 64, Integer.MAX_VALUE}) {
            assertBetween(Compensator.MAX_BACKOFF_MILLIS / 2, Compensator.MAX_BACKOFF_MILLIS,
                    Compensator.backoffMillis(Long.MAX_VALUE / 4, failedAttempts));
        }
        assertEquals(0, Compensator.backoffMillis(0, 3), "no backoff asked, none given");
    }

    @Test
    void aRetriedDeadLetterGetsAFreshRoundOfAttempts() throws Exception {
        AtomicBoolean recovered = new AtomicBoolean();
        try (LogCapture logs = new LogCapture()) {
            start(Duration.ofSeconds(5));
            schedule(entry("c3", 2, 1), failingUntil(0, recovered), CompletableFuture.completedFuture(null));
            Await.until(() -> !compensator.deadLetters().isEmpty());
            assertEquals(1, logs.mentioning("is now a dead letter (c3)").size());
        }
        recovered.set(true);
        assertFalse(compensator.retry("no-such-id"));
        assertTrue(compensator.retry("c3"));

        Await.until(() -> journal.calls.contains("succeeded c3"), journal::toString);
        assertEquals(List.of(1, 2, 1), attempts, "the retried round counts its attempts from 1 again");
        assertEquals(List.of("pending c3",
                "attemptFailed c3 1 java.lang.IllegalStateException: stock service down for 17",
                "deadLettered c3 2 java.lang.IllegalStateException: stock service down for 17",
                "revived c3", "succeeded c3"), journal.calls);
        assertTrue(compensator.deadLetters().isEmpty());
        assertFalse(compensator.retry("c3"), "no longer a dead letter");
        assertEquals(1.0, count(WardMetrics.COMPENSATIONS_SUCCEEDED));
        assertEquals(0, held(), "the retried dead letter took a place again, and gave it back");
    }

    @Test
    void atMostMaxPendingPlacesAreHeldAndAReleasedOneIsFree() throws Exception {
        start(Duration.ofSeconds(5));
        assertTrue(compensator.hold());
        assertTrue(compensator.hold());
        assertTrue(compensator.hold());
        assertFalse(compensator.hold(), "the bound of 3 is reached");
        assertEquals(3, held());
        compensator.release();
        assertTrue(compensator.hold(), "a request that succeeded gave its place back");
        assertFalse(compensator.hold());
    }

    @Test
    void theJournalIsReplayedAtStartAndDeadLettersStayDead() throws Exception {
        compensations.put(Compensator.key(ROUTE, "release"), failingUntil(4, new AtomicBoolean()));
        journal.loaded.add(new JournalState(entry("half-done", 5, 1), 2, false, "earlier failure"));
        journal.loaded.add(new JournalState(entry("dead", 5, 1), 5, true, "it never worked"));
        JournalEntry removed = new JournalEntry("orphan", "POST /gone", "undo", "req-orphan", "the response "
                + "status was 500", Instant.parse("2026-01-01T00:00:00Z"), 5, 1, Map.of(), Map.of(), Map.of(),
                null, null);
        journal.loaded.add(new JournalState(removed, 1, false, null));

        start(Duration.ofSeconds(5));
        Await.until(() -> journal.calls.contains("succeeded half-done"), journal::toString);
        assertEquals(0, held(), "the replayed compensation held its place until it succeeded");
        assertEquals(List.of(3, 4), attempts, "attempts go on from the journaled count");
        assertEquals(List.of("dead it never worked", "orphan no compensation undo for POST /gone in this build"),
                compensator.deadLetters().stream().map(d -> d.id() + " " + d.lastError()).toList());
        assertFalse(compensator.retry("orphan"), "a dead letter without its method in this build cannot run");
    }

    @Test
    void aCompensationWaitsForItsFailedHandlerToReturn() throws Exception {
        CompletableFuture<Void> handlerReturned = new CompletableFuture<>();
        start(Duration.ofSeconds(30));
        schedule(entry("c4", 1, 1), failingUntil(1, new AtomicBoolean()), handlerReturned);
        Await.until(() -> journal.calls.contains("pending c4"));
        assertEquals(List.of(), attempts, "journaled, but the handler still runs");
        assertEquals(1, compensator.pending());
        assertEquals(1.0, meters.find(WardMetrics.COMPENSATIONS_PENDING).gauge().value());
        handlerReturned.complete(null);
        Await.until(() -> journal.calls.contains("succeeded c4"), journal::toString);
        assertEquals(List.of(1), attempts);
    }

    @Test
    void aHandlerThatNeverReturnsIsCompensatedAfterTheWaitAndTheLogSaysSo() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            start(Duration.ofMillis(50));
            schedule(entry("c5", 1, 1), failingUntil(1, new AtomicBoolean()), new CompletableFuture<>());
            Await.until(() -> journal.calls.contains("succeeded c5"), journal::toString);
            assertEquals(List.of("the handler of request req-c5 on POST /orders is still running after 50 ms; "
                    + "compensating it anyway"), logs.mentioning("req-c5").stream().map(LogCapture::text).toList());
        }
    }

    @Test
    void theCompensationIsToldWhichRequestItUndoes() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        start(Duration.ofSeconds(5));
        schedule(entry("c6", 1, 1), (arguments, context) -> seen.add(context.route() + " | " + context.failure()
                + " | " + context.failedAt() + " | " + context.idempotencyKey() + " | " + context.attempt()),
                CompletableFuture.completedFuture(null));
        Await.until(() -> journal.calls.contains("succeeded c6"), journal::toString);
        assertEquals(List.of("POST /orders | the response status was 500 | 2026-01-01T00:00:00Z | req-c6 | 1"), seen);
    }

    @Test
    void aFailureIsDescribedByItsClassAndAtMost200CharactersOfItsMessage() {
        assertEquals("java.lang.IllegalStateException: " + "m".repeat(200),
                Compensator.describe(new IllegalStateException("m".repeat(200))));
        assertEquals("java.lang.IllegalStateException: " + "m".repeat(200),
                Compensator.describe(new IllegalStateException("m".repeat(201))));
        assertEquals("java.lang.IllegalStateException", Compensator.describe(new IllegalStateException()));
    }

    /**
     * A pool that is full parks the compensations, already journaled, and runs them as it frees up: none is
     * dropped, and each is journaled once, before its attempt.
     */
    @Test
    void compensationsBeyondThePoolWaitForItAndAllRun() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        Compensation waitsForTheLatch = (arguments, context) -> {
            if (!blocked.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        };
        compensator = new Compensator(journal, compensations, 1, 1, 6, Duration.ofSeconds(5),
                new WardMetrics(meters), timers);
        compensator.start();
        schedule(entry("p0", 1, 1), waitsForTheLatch, CompletableFuture.completedFuture(null));
        Await.until(() -> journal.calls.contains("pending p0"), journal::toString);
        for (int i = 1; i < 6; i++) {
            schedule(entry("p" + i, 1, 1), waitsForTheLatch, CompletableFuture.completedFuture(null));
        }
        // Recorded first, then taken in as pending: wait for the intake, not only for the journal.
        Await.until(() -> compensator.pending() == 6, () -> "one running, one queued, four parked: all held; "
                + compensator.pending() + " pending, journal " + journal);
        blocked.countDown();
        Await.until(() -> compensator.pending() == 0, journal::toString);
        assertEquals(List.of("pending p0", "pending p1", "pending p2", "pending p3", "pending p4", "pending p5"),
                journal.calls.stream().filter(call -> call.startsWith("pending")).toList());
        assertEquals(List.of("p0", "p1", "p2", "p3", "p4", "p5"), journal.calls.stream()
                .filter(call -> call.startsWith("succeeded")).map(call -> call.substring(10)).sorted().toList());
    }

    @Test
    void anOutcomeTheStoreCannotTakeIsLoggedAndCounted() throws Exception {
        journal.failSucceeded = true;
        try (LogCapture logs = new LogCapture()) {
            start(Duration.ofSeconds(5));
            schedule(entry("c7", 1, 1), failingUntil(1, new AtomicBoolean()), CompletableFuture.completedFuture(null));
            Await.until(() -> !logs.mentioning("could not write to the compensation store").isEmpty());
            assertEquals(1.0, meters.find(WardMetrics.COMPENSATION_STORE_FAILURES).counter().count());
            assertEquals(0, held(), "the compensation ran: its place is free, whatever the store said");
        }
    }

    @Test
    void closingClosesTheStoreAndAFailureToCloseIsLogged() throws Exception {
        journal.failClose = true;
        try (LogCapture logs = new LogCapture()) {
            start(Duration.ofSeconds(5)).close(Duration.ofSeconds(5));
            compensator = null;
            assertEquals(List.of("close"), journal.calls);
            assertEquals(1, logs.mentioning("could not close the compensation store").size());
        }
    }

    @Test
    void onlyAStoreThatForgetsOnRestartIsWarnedAbout() throws Exception {
        compensations.put(Compensator.key(ROUTE, "release"), failingUntil(1, new AtomicBoolean()));
        try (LogCapture logs = new LogCapture()) {
            start(Duration.ofSeconds(5));
            assertEquals(List.of(), logs.mentioning("kept in memory only"), "a durable journal");
            compensator.close(Duration.ofSeconds(5));
            journal.durable = false;
            compensator = new Compensator(journal, compensations, 2, 4, 3, Duration.ofSeconds(5),
                    new WardMetrics(meters), new RetryTimers());
            compensator.start();
            assertEquals(1, logs.mentioning("compensations are kept in memory only: a crash loses the pending "
                    + "ones").size());
        }
    }

    private double count(String name) {
        var counter = meters.find(name).tag("route", ROUTE).counter();
        return counter == null ? 0 : counter.count();
    }

    private double held() {
        return meters.find(WardMetrics.COMPENSATIONS_HELD).gauge().value();
    }

    private static void assertBetween(long low, long high, long actual) {
        assertTrue(actual >= low && actual <= high, actual + " is not in [" + low + ", " + high + "]");
    }

    /** Records every retry's delay and runs the retry at once. */
    private static final class RetryTimers extends ScheduledThreadPoolExecutor {
        final List<Long> delays = new CopyOnWriteArrayList<>();

        RetryTimers() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(unit.toMillis(delay));
            return super.schedule(command, 0, unit);
        }
    }

    /** Every call the engine makes, in order, as one line each. */
    private static final class RecordingJournal implements CompensationJournal {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<JournalState> loaded = new ArrayList<>();
        volatile boolean durable = true;
        volatile boolean failSucceeded;
        volatile boolean failClose;

        @Override
        public void pending(List<JournalEntry> entries) {
            entries.forEach(entry -> calls.add("pending " + entry.id()));
        }

        @Override
        public void attemptFailed(String id, int attempt, String error) {
            calls.add("attemptFailed " + id + " " + attempt + " " + error);
        }

        @Override
        public void succeeded(String id) throws IOException {
            if (failSucceeded) {
                throw new IOException("disk full");
            }
            calls.add("succeeded " + id);
        }

        @Override
        public void deadLettered(String id, int attempts, String error) {
            calls.add("deadLettered " + id + " " + attempts + " " + error);
        }

        @Override
        public void revived(String id) {
            calls.add("revived " + id);
        }

        @Override
        public List<JournalState> load() {
            return loaded;
        }

        @Override
        public boolean durable() {
            return durable;
        }

        @Override
        public void close() throws IOException {
            calls.add("close");
            if (failClose) {
                throw new IOException("disk gone");
            }
        }

        @Override
        public String toString() {
            return calls.toString();
        }
    }
}
