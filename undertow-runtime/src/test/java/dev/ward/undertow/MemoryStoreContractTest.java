package dev.ward.undertow;

import dev.ward.undertow.internal.JournalStore;

/** Compensations in memory only (no journal directory): the contract within one process, and nothing after. */
class MemoryStoreContractTest extends CompensationStoreContract {

    @Override
    protected CompensationStore open(String instance) {
        return new JournalStore(new InMemoryCompensationJournal());
    }

    @Override
    protected boolean shared() {
        return false;
    }

    @Override
    protected String writeForeignData() {
        throw new UnsupportedOperationException("memory only: nothing to read");
    }

    @Override
    protected String writeFutureVersion() {
        throw new UnsupportedOperationException("memory only: nothing to read");
    }
}
