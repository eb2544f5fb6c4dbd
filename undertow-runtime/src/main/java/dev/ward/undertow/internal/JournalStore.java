package dev.ward.undertow.internal;

import dev.ward.undertow.CompensationJournal;
import dev.ward.undertow.CompensationStore;
import dev.ward.undertow.JournalEntry;
import dev.ward.undertow.JournalState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A single-instance {@link CompensationJournal} as a {@link CompensationStore}: this instance holds everything
 * it journaled, so the first claim hands over the whole replayed journal and renewals are moot. The dead letters
 * live here, in memory, as they do in the journal.
 */
public final class JournalStore implements CompensationStore {
    private static final System.Logger LOG = System.getLogger("dev.ward");

    private final CompensationJournal journal;
    private final Map<String, JournalState> dead = new LinkedHashMap<>();
    private boolean loaded;

    public JournalStore(CompensationJournal journal) {
        this.journal = journal;
    }

    /**
     * Journals the entries; a journal that cannot write is logged and the compensations still run (the journal
     * is this instance's own: nothing else could run them).
     */
    @Override
    public List<JournalEntry> record(List<JournalEntry> entries) {
        try {
            journal.pending(entries);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "could not journal " + entries.size() + " compensations; they will "
                    + "still run, but would not survive a crash", e);
        }
        return entries;
    }

    @Override
    public synchronized List<JournalState> claim(int limit) throws IOException {
        if (loaded) {
            return List.of();
        }
        loaded = true;
        List<JournalState> live = new ArrayList<>();
        for (JournalState state : journal.load()) {
            if (state.dead()) {
                dead.put(state.entry().id(), state);
            } else {
                live.add(state);
            }
        }
        return live;
    }

    @Override
    public Set<String> renew(Collection<String> ids) {
        return Set.of();
    }

    @Override
    public void attemptFailed(String id, int attempt, String error) throws IOException {
        journal.attemptFailed(id, attempt, error);
    }

    @Override
    public void succeeded(String id) throws IOException {
        journal.succeeded(id);
    }

    @Override
    public void deadLettered(JournalState state) throws IOException {
        try {
            journal.deadLettered(state.entry().id(), state.attempts(), state.lastError());
        } finally {
            setAside(state);
        }
    }

    /** Kept in memory only: the journal still holds it as pending, for a later build that has its method. */
    @Override
    public synchronized void setAside(JournalState state) {
        dead.put(state.entry().id(), state);
    }

    @Override
    public synchronized List<JournalState> deadLetters() {
        return List.copyOf(dead.values());
    }

    @Override
    public Optional<JournalState> revive(String id, Predicate<JournalEntry> runnable) {
        JournalState state;
        synchronized (this) {
            state = dead.get(id);
            if (state == null || !runnable.test(state.entry())) {
                return Optional.empty();
            }
            dead.remove(id);
        }
        try {
            journal.revived(id);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "could not write to the compensation journal", e);
        }
        return Optional.of(new JournalState(state.entry(), 0, false, null));
    }

    @Override
    public boolean durable() {
        return journal.durable();
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
