package dev.ward.undertow.internal;

import dev.ward.undertow.CompensationJournal;
import dev.ward.undertow.Compensations;
import dev.ward.undertow.DeadLetter;
import dev.ward.undertow.JournalEntry;
import dev.ward.undertow.JournalState;
import dev.ward.CompensationContext;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
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
 * <p>What it holds in memory is bounded: a compensable request {@link #hold holds} a place before any of it runs,
 * and is refused when {@code maxPending} places are taken; the place passes to its compensation if it fails, and
 * frees up when the request succeeds, or the compensation succeeds or becomes a dead letter.
 */
final class Compensator implements Compensations {
    static final long MAX_BACKOFF_MILLIS = 30_000;
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

        Pending(JournalEntry entry, Compensation compensation, int attempts, String lastError) {
            this.entry = entry;
            this.compensation = compensation;
            this.attempts = attempts;
            this.lastError = lastError;
        }
    }

    private record Intake(JournalEntry entry, Compensation compensation, CompletionStage<Void> handlerReturned) {
    }

    private final CompensationJournal journal;
    /** The compensation methods of this build, by {@link #key}; filled in while the routes are added. */
    private final Map<String, Compensation> compensations;
    private final Duration handlerWait;
    private final int maxPending;
    /** Places taken: compensable requests in flight and compensations not yet succeeded nor dead. */
    private final AtomicInteger held = new AtomicInteger();
    private final WardMetrics metrics;
    private final LinkedBlockingQueue<Intake> intake = new LinkedBlockingQueue<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Pending> dead = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timers;
    private final Thread journalThread;
    private volatile boolean closing;

    Compensator(CompensationJournal journal, Map<String, Compensation> compensations, int threads, int queue,
                int maxPending, Duration handlerWait, WardMetrics metrics) {
        this(journal, compensations, threads, queue, maxPending, handlerWait, metrics,
                new ScheduledThreadPoolExecutor(1, task -> daemon(task, "ward-compensation-timer")));
    }

    /** {@code timers} schedules the retries (and moves parked attempts into the pool). */
    Compensator(CompensationJournal journal, Map<String, Compensation> compensations, int threads, int queue,
                int maxPending, Duration handlerWait, WardMetrics metrics, ScheduledThreadPoolExecutor timers) {
        this.journal = journal;
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
        this.journalThread = daemon(this::recordIntake, "ward-compensation-journal");
        metrics.compensationsPending(this);
        metrics.compensationsHeld(held);
    }

    /** Replays the journal (every compensation not yet succeeded runs again; dead letters stay dead), then starts. */
    void start() throws IOException {
        if (!journal.durable() && !compensations.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "compensations are kept in memory only: a crash loses the pending "
                    + "ones. Set WardServer.builder().compensationJournal(dir) to make them survive it.");
        }
        for (JournalState state : journal.load()) {
            Compensation target = compensations.get(key(state.entry().route(), state.entry().method()));
            Pending recovered = new Pending(state.entry(), target,
                    state.attempts(), state.dead() ? state.lastError()
                    : target == null ? "no compensation " + state.entry().method() + " for " + state.entry().route()
                    + " in this build" : state.lastError());
            if (state.dead() || target == null) {
                dead.put(recovered.entry.id(), recovered);
            } else {
                held.incrementAndGet();
                pending.put(recovered.entry.id(), recovered);
                submit(recovered);
            }
        }
        timers.scheduleWithFixedDelay(this::pump, 50, 50, TimeUnit.MILLISECONDS);
        journalThread.start();
    }

    /**
     * Takes a place for a compensable request about to run; false when {@code maxPending} are taken. A replayed
     * journal or retried dead letters may take more: then requests are refused until enough have succeeded.
     */
    boolean hold() {
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
     * whatever thread completed the exchange.
     */
    void schedule(JournalEntry entry, Compensation compensation, CompletionStage<Void> handlerReturned) {
        metrics.compensationScheduled(entry.route());
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
                journalBatch(batch);
                for (Intake next : batch) {
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

    private void journalBatch(List<Intake> batch) {
        List<JournalEntry> entries = new ArrayList<>(batch.size());
        batch.forEach(next -> entries.add(next.entry()));
        try {
            journal.pending(entries);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "could not journal " + entries.size() + " compensations; they will "
                    + "still run, but would not survive a crash", e);
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
        record(() -> journal.succeeded(entry.id()));
    }

    private void failed(Pending compensation, int attempt, Throwable failure) {
        JournalEntry entry = compensation.entry;
        String error = describe(failure);
        compensation.lastError = error;
        if (attempt >= entry.maxAttempts()) {
            pending.remove(entry.id());
            held.decrementAndGet();
            dead.put(entry.id(), compensation);
            metrics.compensationDeadLettered(entry.route());
            record(() -> journal.deadLettered(entry.id(), attempt, error));
            LOG.log(System.Logger.Level.ERROR, "compensation " + entry.method() + " of " + entry.route()
                    + " for request " + entry.idempotencyKey() + " failed " + attempt + " times and is now a "
                    + "dead letter (" + entry.id() + "); retry it with compensations().retry(id)", failure);
            return;
        }
        metrics.compensationRetried(entry.route());
        record(() -> journal.attemptFailed(entry.id(), attempt, error));
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

    @Override
    public List<DeadLetter> deadLetters() {
        synchronized (dead) {
            return dead.values().stream().map(p -> new DeadLetter(p.entry.id(), p.entry.route(),
                    p.entry.idempotencyKey(), p.entry.failure(), p.entry.failedAt(), p.attempts, p.lastError)).toList();
        }
    }

    @Override
    public boolean retry(String id) {
        Pending compensation = dead.get(id);
        if (compensation == null || compensation.compensation == null) {
            return false;
        }
        dead.remove(id);
        compensation.attempts = 0;
        held.incrementAndGet();
        pending.put(id, compensation);
        record(() -> journal.revived(id));
        submit(compensation);
        return true;
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
            journal.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not close the compensation journal", e);
        }
    }

    private interface JournalWrite {
        void run() throws IOException;
    }

    private static void record(JournalWrite write) {
        try {
            write.run();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "could not write to the compensation journal", e);
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
