package dev.ward.undertow;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where a server's compensations are kept so that none is lost, and how it takes its share of them. A
 * single-instance {@link CompensationJournal} (the file journal, or memory only) is one, through
 * {@link WardServer.Builder#compensationJournal}; a store shared by several instances (ward-postgres's
 * {@code PostgresCompensationStore}) is given to {@link WardServer.Builder#compensationStore}.
 *
 * <p>A shared store hands each compensation to one instance at a time: the instance that recorded it, or the one
 * that {@link #claim claims} it once no instance holds it (it was never claimed, or its claim's lease expired
 * because its instance died). An instance keeps its claims while it holds them in memory by {@link #renew
 * renewing} them. Calls come from Ward's compensation threads and from {@link Compensations}, never from a
 * request's thread. A call that throws tells Ward the store is unreachable: Ward then refuses new
 * {@code @Compensable} requests with 503 and retries until it answers again.
 */
public interface CompensationStore extends AutoCloseable {
    /**
     * Records new compensations, durably (committed) before their first attempt, held by this instance. Returns
     * the entries newly recorded: one whose route, method and idempotency key are already recorded (the same
     * failure reported twice) is left out, and Ward does not run it again.
     */
    List<JournalEntry> record(List<JournalEntry> entries) throws IOException;

    /**
     * Takes up to {@code limit} compensations that no instance holds, for this one, in the order they were
     * recorded; none when there are none. A single-instance store hands over everything it loaded on its first
     * call, whatever the limit, and nothing afterwards.
     */
    List<JournalState> claim(int limit) throws IOException;

    /**
     * Keeps this instance's hold on these compensations; returns the ids it no longer holds (another does).
     * Called often (every 50 ms): a store may skip calls until its leases need renewing. {@code ids} is a live
     * view of what the instance holds: copy what you keep.
     */
    Set<String> renew(Collection<String> ids) throws IOException;

    void attemptFailed(String id, int attempt, String error) throws IOException;

    void succeeded(String id) throws IOException;

    /** Every attempt of {@code state} failed: it is kept, listed by {@link #deadLetters()}, until revived. */
    void deadLettered(JournalState state) throws IOException;

    /**
     * This build has no method for {@code state}'s compensation: it is listed among the dead letters (with the
     * reason as its last error) so that it is not claimed again and again.
     */
    void setAside(JournalState state) throws IOException;

    /** The dead letters of every instance that shares the store, oldest first. */
    List<JournalState> deadLetters() throws IOException;

    /**
     * Gives a dead letter a fresh round of attempts, held by this instance, if {@code runnable} accepts it; empty
     * when there is no such dead letter or it was not accepted.
     */
    Optional<JournalState> revive(String id, Predicate<JournalEntry> runnable) throws IOException;

    /** Whether the store survives the process; false means a crash loses what is pending. */
    boolean durable();

    @Override
    void close() throws IOException;
}
