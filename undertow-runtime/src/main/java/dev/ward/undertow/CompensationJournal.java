package dev.ward.undertow;

import java.io.IOException;
import java.util.List;

/**
 * Where one server instance records its compensations so that none is lost: the file journal
 * ({@link WardServer.Builder#compensationJournal(java.nio.file.Path)}) by default, or a journal of your own. For
 * deployments where another instance must pick up the work, use a {@link CompensationStore} shared by every
 * instance instead. Calls come from Ward's compensation threads, never from a request's thread.
 */
public interface CompensationJournal extends AutoCloseable {
    /** Records a new compensation, durably (forced to storage) before its first attempt. */
    void pending(List<JournalEntry> entries) throws IOException;

    void attemptFailed(String id, int attempt, String error) throws IOException;

    void succeeded(String id) throws IOException;

    void deadLettered(String id, int attempts, String error) throws IOException;

    /** A dead letter was given a fresh round of attempts. */
    void revived(String id) throws IOException;

    /** Every compensation not yet succeeded, in the order it was first recorded; called once, at start. */
    List<JournalState> load() throws IOException;

    /** Whether the journal survives the process; false means a crash loses what is pending. */
    boolean durable();

    @Override
    void close() throws IOException;
}
