package dev.ward.undertow;

import java.util.List;

/** No journal: compensations live in memory only, and a crash loses the pending ones. */
final class InMemoryCompensationJournal implements CompensationJournal {
    @Override
    public void pending(List<JournalEntry> entries) {
    }

    @Override
    public void attemptFailed(String id, int attempt, String error) {
    }

    @Override
    public void succeeded(String id) {
    }

    @Override
    public void deadLettered(String id, int attempts, String error) {
    }

    @Override
    public void revived(String id) {
    }

    @Override
    public List<JournalState> load() {
        return List.of();
    }

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public void close() {
    }
}
