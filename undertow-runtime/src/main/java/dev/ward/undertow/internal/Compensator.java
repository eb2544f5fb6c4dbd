package dev.ward.undertow.internal;

import dev.ward.undertow.CompensationJournal;
import dev.ward.undertow.CompensationStore;
import dev.ward.undertow.Compensations;
import dev.ward.undertow.DeadLetter;
import dev.ward.undertow.JournalEntry;
import dev.ward.undertow.JournalState;
import dev.ward.CompensationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs compensations for failed {@code @Compensable} requests, outside every request's path. It knows journal
 * entries, not exchanges: {@link CompensationStep} captures a failed request's values into a {@link JournalEntry}.
 *
 * <p>A failed request's completion hands its entry to the intake; the journal thread records each new
 * compensation (forced to storage, in batches) before its first attempt, then waits for the failed handler to
 * return, up to the handler-wait bound, and submits the attempt to a bounded pool. A full pool parks the
 * compensation, already journaled, until capacity frees up: nothing is dropped. Failed attempts retry with
 * exponential backoff and jitter; after {@code maxAttempts} the compensation becomes a dead letter, kept and
 * retryable.
 *
 * <p>Every compensation lives in a {@link CompensationStore}. This engine runs those its instance holds: the
 * ones it recorded, and the ones it claims (at start, a single-instance journal hands over its replay; a shared
 * store hands over what a dead instance left). While it holds them it renews its claims. A store that throws is
 * taken as unreachable: new compensable requests are refused, recording is retried with a bounded backoff until
 * the store answers again, and both are counted.
 *
 * <p>What it holds in memory is bounded: a compensable request {@link #hold holds} a place before any of it runs,
 * and is refused when {@code maxPending} places are taken; the place passes to its compensation if it fails, and
 * frees up when the request succeeds, or the compensation succeeds or becomes a dead letter.
 */
final class Compensator implements Compensations {
    static final long MAX_BACKOFF_MILLIS = 30_000;
    /** How often the store is asked for work to claim and held claims are renewed (a shared store may skip). */
    static final long POLL_MILLIS = 50;
    /** The most compensations claimed at once; the free places bound it too. */
    static final int CLAIM_BATCH = 256;
    /** The longest wait between two tries of an unreachable store. */
    static final long MAX_STORE_RETRY_MILLIS = 2_000;
    private static final System.Logger LOG = System.getLogger("dev.ward");

    /** {@code POST /orders#releaseStock}: how a journaled compensation finds its method again. */
    static String key(String route, String method) {
        return route + "#" + method;
    }

    /** One compensation in memory; attempts and lastError change only on the thread running its attempt. */
    private static final class Pending {
        final JournalEntry entry;
        final Compensation compensation;
        volatile int attempts;
        volatile String lastError;
        /** Another instance holds it now: this one no longer runs it. */
        volatile boolean lost;

        Pending(JournalEntry entry, Compensation compensation, int attempts, String lastError) {
            this.entry = entry;
            this.compensation = compensation;
            this.attempts = attempts;
            this.lastError = lastError;
        }
    }

    private record Intake(JournalEntry entry, Compensation compensation, CompletionStage<Void> handlerReturned) {
    }

    private final CompensationStore store;
    /** The compensation methods of this build, by {@link #key}; filled in while the routes are added. */
    private final Map<String, Compensation> compensations;
    /** The compensations handed to {@link #schedule}, so that their dead letters can be retried here. */
    private final Map<String, Compensation> scheduled = new ConcurrentHashMap<>();
    private final Duration handlerWait;
    private final int maxPending;
    /** Places taken: compensable requests in flight and compensations not yet succeeded nor dead. */
    private final AtomicInteger held = new AtomicInteger();
    private final WardMetrics metrics;
    private final LinkedBlockingQueue<Intake> intake = new LinkedBlockingQueue<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timers;
    /** Claims and renewals, apart from the retry timers so that a slow store never delays a retry. */
    private final ScheduledThreadPoolExecutor claims;
    private final Thread journalThread;
    private volatile boolean closing;
    private volatile boolean storeReachable = true;
    /** Consecutive failed tries of the store, for the backoff of the next. */
    private final AtomicInteger storeFailures = new AtomicInteger();
    private volatile long nextClaimNanos;

    Compensator(CompensationStore store, Map<String, Compensation> compensations, int threads, int queue,
                int maxPending, Duration handlerWait, WardMetrics metrics) {
        this(store, compensations, threads, queue, maxPending, handlerWait, metrics,
                new ScheduledThreadPoolExecutor(1, task -> daemon(task, "ward-compensation-timer")));
    }

    /** A single-instance journal; {@code timers} schedules the retries (and moves parked attempts into the pool). */
    Compensator(CompensationJournal journal, Map<String, Compensation> compensations, int threads, int queue,
                int maxPending, Duration handlerWait, WardMetrics metrics, ScheduledThreadPoolExecutor timers) {
        this(new JournalStore(journal), compensations, threads, queue, maxPending, handlerWait, metrics, timers);
    }

    Compensator(CompensationStore store, Map<String, Compensation> compensations, int threads, int queue,
                int maxPending, Duration handlerWait, WardMetrics metrics, ScheduledThreadPoolExecutor timers) {
        this.store = store;
        this.compensations = compensations;
        this.handlerWait = handlerWait;
        this.maxPending = maxPending;
        this.metrics = metrics;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                task -> daemon(task, "ward-compensation-" + count.incrementAndGet()));
        workers.allowCoreThreadTimeOut(true);
        this.timers = timers;
        timers.setRemoveOnCancelPolicy(true);
        this.claims = new ScheduledThreadPoolExecutor(1, task -> daemon(task, "ward-compensation-claims"));
        this.journalThread = daemon(this::recordIntake, "ward-compensation-journal");
        metrics.compensationsPending(this);
        metrics.compensationsHeld(held);
        metrics.compensationStoreReachable(() -> storeReachable);
    }

    /**
     * Claims what the store holds for this instance (a journal's replay: every compensation not yet succeeded runs
     * again; dead letters stay dead), then starts.
     */
    void start() throws IOException {
        if (!store.durable() && !compensations.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "compensations are kept in memory only: a crash loses the pending "
                    + "ones. Set WardServer.builder().compensationJournal(dir) to make them survive it.");
        }
        adopt(store.claim(Math.max(0, maxPending - held.get())));
        timers.scheduleWithFixedDelay(this::pump, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        claims.scheduleWithFixedDelay(this::claimAndRenew, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        journalThread.start();
    }

    /** This build's method for the entry's compensation; null when it has none. */
    private Compensation compensation(JournalEntry entry) {
        String key = key(entry.route(), entry.method());
        Compensation registered = compensations.get(key);
        return registered != null ? registered : scheduled.get(key);
    }

    /** Runs compensations this instance now holds, each in a place of its own (beyond the bound if need be). */
    private void adopt(List<JournalState> claimed) {
        for (JournalState state : claimed) {
            JournalEntry entry = state.entry();
            Compensation target = compensation(entry);
            if (target == null) {
                String reason = "no compensation " + entry.method() + " for " + entry.route() + " in this build";
                record(() -> store.setAside(new JournalState(entry, state.attempts(), true, reason)));
                continue;
            }
            Pending claimedOne = new Pending(entry, target, state.attempts(), state.lastError());
            held.incrementAndGet();
            pending.put(entry.id(), claimedOne);
            submit(claimedOne);
        }
    }

    /** The claims thread: keeps this instance's claims, and takes unheld work while places are free. */
    private void claimAndRenew() {
        if (System.nanoTime() - nextClaimNanos < 0) {
            return; // the store failed lately: wait out the backoff
        }
        try {
            for (String id : store.renew(java.util.Collections.unmodifiableSet(pending.keySet()))) {
                Pending gone = pending.get(id);
                if (gone != null) {
                    gone.lost = true;
                }
            }
            int free = maxPending - held.get();
            if (free > 0 && !closing) {
                adopt(store.claim(Math.min(free, CLAIM_BATCH)));
            }
            storeAnswered();
        } catch (IOException | RuntimeException e) {
            storeFailed("could not claim or renew compensations", e);
        }
    }

    /** Whether the store answered its last call; while it does not, compensable requests are refused. */
    boolean storeReachable() {
        return storeReachable;
    }

    private void storeAnswered() {
        storeFailures.set(0);
        if (!storeReachable) {
            storeReachable = true;
            metrics.compensationStoreReconnected();
            LOG.log(System.Logger.Level.INFO, "the compensation store answers again");
        }
    }

    /** Counts the failure, refuses compensable requests until the store answers, and backs off its next try. */
    private long storeFailed(String what, Exception e) {
        metrics.compensationStoreFailed();
        long wait = Math.min(MAX_STORE_RETRY_MILLIS, POLL_MILLIS << Math.min(storeFailures.getAndIncrement(), 10));
        nextClaimNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait);
        if (storeReachable) {
            storeReachable = false;
            LOG.log(System.Logger.Level.ERROR, what + ": the compensation store is unreachable; compensable "
                    + "requests are refused until it answers again", e);
        }
        return wait;
    }

    /**
     * Takes a place for a compensable request about to run; false when {@code maxPending} are taken. A replayed
     * journal or retried dead letters may take more: then requests are refused until enough have succeeded.
     */
    boolean hold() {
        if (!storeReachable) {
            return false;
        }
        int taken;
        do {
            taken = held.get();
            if (taken >= maxPending) {
                return false;
            }
        } while (!held.compareAndSet(taken, taken + 1));
        return true;
    }

    /** A held request succeeded: it has no compensation. */
    void release() {
        held.decrementAndGet();
    }

    /**
     * Takes a failed request's compensation, in the place its request {@link #hold held}; it runs once
     * {@code handlerReturned} completes, or after the handler-wait bound. Cheap and non-blocking: it runs on
     * whatever thread completed the exchange. {@code reason} ({@code exception}, {@code deadline}, {@code status})
     * tags the scheduled counter.
     */
    void schedule(JournalEntry entry, Compensation compensation, CompletionStage<Void> handlerReturned,
                  String reason) {
        metrics.compensationScheduled(entry.route(), reason);
        scheduled.putIfAbsent(key(entry.route(), entry.method()), compensation);
        intake.add(new Intake(entry, compensation, handlerReturned));
    }

    /** The journal thread: records new compensations in batches, each batch forced once, then lets them run. */
    private void recordIntake() {
        List<Intake> batch = new ArrayList<>();
        while (true) {
            try {
                Intake first = intake.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                intake.drainTo(batch, 511);
                Set<String> recorded = recordBatch(batch);
                for (Intake next : batch) {
                    if (!recorded.contains(next.entry().id())) {
                        held.decrementAndGet(); // already recorded: the same failure reported twice runs once
                        continue;
                    }
                    Pending compensation = new Pending(next.entry(), next.compensation(), 0, null);
                    pending.put(next.entry().id(), compensation);
                    // Never while the failed handler still runs; but never wait for it without bound either.
                    next.handlerReturned().toCompletableFuture()
                            .orTimeout(handlerWait.toMillis(), TimeUnit.MILLISECONDS)
                            .whenComplete((ignored, error) -> {
                                if (error instanceof TimeoutException) {
                                    LOG.log(System.Logger.Level.WARNING, "the handler of request "
                                            + next.entry().idempotencyKey() + " on " + next.entry().route()
                                            + " is still running after " + handlerWait.toMillis() + " ms; "
                                            + "compensating it anyway");
                                }
                                submit(compensation);
                            });
                }
                batch.clear();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Records the batch before any of it runs; returns the ids newly recorded. An unreachable store is tried
     * again, with a bounded backoff, until it answers: the batch waits in memory (in the places its requests
     * held) and new compensable requests are refused meanwhile. Only closing gives up, and says what it lost.
     */
    private Set<String> recordBatch(List<Intake> batch) throws InterruptedException {
        List<JournalEntry> entries = new ArrayList<>(batch.size());
        batch.forEach(next -> entries.add(next.entry()));
        while (true) {
            try {
                Set<String> recorded = new HashSet<>();
                store.record(entries).forEach(entry -> recorded.add(entry.id()));
                storeAnswered();
                return recorded;
            } catch (IOException | RuntimeException e) {
                long wait = storeFailed("could not record " + entries.size() + " compensations", e);
                if (closing) {
                    LOG.log(System.Logger.Level.ERROR, "closing with " + entries.size() + " compensations that the "
                            + "store never recorded: they are lost (requests " + entries.stream()
                            .map(JournalEntry::idempotencyKey).toList() + ")");
                    return Set.of();
                }
                Thread.sleep(wait);
            }
        }
    }

    private void submit(Pending compensation) {
        if (closing) {
            return;
        }
        try {
            workers.execute(() -> attempt(compensation));
        } catch (RejectedExecutionException full) {
            waiting.add(compensation);
        }
    }

    /** Moves parked compensations into the pool as it frees up. */
    private void pump() {
        while (!closing && workers.getQueue().remainingCapacity() > 0) {
            Pending next = waiting.poll();
            if (next == null) {
                return;
            }
            submit(next);
        }
    }

    private void attempt(Pending compensation) {
        JournalEntry entry = compensation.entry;
        if (compensation.lost) {
            pending.remove(entry.id());
            held.decrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "compensation " + entry.id() + " for request "
                    + entry.idempotencyKey() + " is held by another instance now (this one's lease expired); "
                    + "it runs there");
            return;
        }
        int attempt = ++compensation.attempts;
        try {
            compensation.compensation.compensate(CompensationArguments.of(entry), new AttemptContext(entry, attempt));
        } catch (Throwable failure) {
            failed(compensation, attempt, failure);
            if (failure instanceof VirtualMachineError error) {
                throw error;
            }
            return;
        } finally {
            Thread.interrupted();
        }
        pending.remove(entry.id());
        held.decrementAndGet();
        metrics.compensationSucceeded(entry.route());
        record(() -> store.succeeded(entry.id()));
    }

    private void failed(Pending compensation, int attempt, Throwable failure) {
        JournalEntry entry = compensation.entry;
        String error = describe(failure);
        compensation.lastError = error;
        if (attempt >= entry.maxAttempts()) {
            pending.remove(entry.id());
            held.decrementAndGet();
            metrics.compensationDeadLettered(entry.route(), failure);
            LOG.log(System.Logger.Level.ERROR, "compensation " + entry.method() + " of " + entry.route()
                    + " for request " + entry.idempotencyKey() + " failed " + attempt + " times and is now a "
                    + "dead letter (" + entry.id() + "); retry it with compensations().retry(id)", failure);
            record(() -> store.deadLettered(new JournalState(entry, attempt, true, error)));
            return;
        }
        metrics.compensationRetried(entry.route());
        record(() -> store.attemptFailed(entry.id(), attempt, error));
        if (!closing) {
            timers.schedule(() -> submit(compensation), backoffMillis(entry.backoffMillis(), attempt),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Exponential from {@code backoff}, capped at {@value #MAX_BACKOFF_MILLIS} ms, with "equal jitter". */
    static long backoffMillis(long backoff, int failedAttempts) {
        long exponential = backoff << Math.min(failedAttempts - 1, 30);
        long capped = Math.min(MAX_BACKOFF_MILLIS, exponential < 0 ? MAX_BACKOFF_MILLIS : exponential);
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    @Override
    public int pending() {
        return pending.size();
    }

    /** Every dead letter in the store: a shared store's are the whole cluster's. */
    @Override
    public List<DeadLetter> deadLetters() {
        try {
            return store.deadLetters().stream().map(state -> new DeadLetter(state.entry().id(),
                    state.entry().route(), state.entry().idempotencyKey(), state.entry().failure(),
                    state.entry().failedAt(), state.attempts(), state.lastError())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the dead letters: the compensation store is unreachable", e);
        }
    }

    /** Runs a dead letter again, here, if this build has its method; a shared store's may be any instance's. */
    @Override
    public boolean retry(String id) {
        Optional<JournalState> revived;
        try {
            revived = store.revive(id, entry -> compensation(entry) != null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot retry " + id + ": the compensation store is unreachable", e);
        }
        revived.ifPresent(state -> adopt(List.of(state)));
        return revived.isPresent();
    }

    /**
     * Stops taking compensations, journals what was handed in, lets running attempts finish within
     * {@code drain}; whatever has not finished stays in the journal for the next start.
     */
    void close(Duration drain) {
        closing = true;
        try {
            journalThread.join(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
        claims.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            store.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not close the compensation store", e);
        }
    }

    private interface StoreWrite {
        void run() throws IOException;
    }

    /**
     * An outcome the store could not take is logged and counted, not retried: the compensation is still held
     * there as pending, so at worst it runs again (at least once).
     */
    private void record(StoreWrite write) {
        try {
            write.run();
        } catch (IOException | RuntimeException e) {
            metrics.compensationStoreFailed();
            LOG.log(System.Logger.Level.ERROR, "could not write to the compensation store", e);
        }
    }

    /** {@code java.lang.IllegalStateException: payment declined}, the message cut at 200 characters. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getName() + (message == null ? "" : ": "
                + (message.length() > 200 ? message.substring(0, 200) : message));
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private record AttemptContext(JournalEntry entry, int attempt) implements CompensationContext {
        @Override
        public String idempotencyKey() {
            return entry.idempotencyKey();
        }

        @Override
        public String route() {
            return entry.route();
        }

        @Override
        public String failure() {
            return entry.failure();
        }

        @Override
        public Instant failedAt() {
            return entry.failedAt();
        }
    }
}
