package dev.ward.undertow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.undertow.internal.JournalStore;
import dev.ward.undertow.internal.LogCapture;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file journal against the store contract, and its compaction at the size where it starts. */
class FileStoreContractTest extends CompensationStoreContract {
    private static final long COMPACT_AT = 8 * 1024;

    @TempDir
    Path dir;

    @Override
    protected CompensationStore open(String instance) throws Exception {
        return new JournalStore(new FileCompensationJournal(dir, COMPACT_AT));
    }

    @Override
    protected boolean shared() {
        return false;
    }

    @Override
    protected String writeForeignData() throws Exception {
        Files.writeString(dir.resolve(FileCompensationJournal.FILE_NAME), "id,route\n1,POST /orders\n");
        return "is not a Ward compensation journal (it does not start with WARDCJ)";
    }

    @Override
    protected String writeFutureVersion() throws Exception {
        Files.write(dir.resolve(FileCompensationJournal.FILE_NAME),
                ByteBuffer.allocate(8).put(FileCompensationJournal.MAGIC).putShort((short) 2).array());
        return "is a version 2 Ward compensation journal, written by a newer Ward; this Ward reads version 1 only";
    }

    /** Shorter than a header, but not the start of one: someone else's file, refused and left as it was. */
    @Test
    void aShortForeignFileIsRefusedAndNotTruncated() throws Exception {
        Path file = dir.resolve(FileCompensationJournal.FILE_NAME);
        Files.writeString(file, "hello");
        java.io.IOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> open("one").claim(100));
        assertTrue(refused.getMessage().contains("is not a Ward compensation journal"), refused.getMessage());
        assertEquals("hello", Files.readString(file));
    }

    /**
     * A journal that can no longer write is reported, and the compensations still run (this instance's journal is
     * the only one: nothing else could run them); so does a revived dead letter.
     */
    @Test
    void aJournalThatCannotWriteIsReportedAndTheCompensationsStillRun() throws Exception {
        CompensationStore store = open("one");
        store.claim(100);
        Path file = dir.resolve(FileCompensationJournal.FILE_NAME);
        Files.delete(file);
        Files.createDirectory(file); // every write from now on fails
        try (LogCapture log = new LogCapture()) {
            assertEquals(List.of("a", "b"), store.record(List.of(entry("a", null), entry("b", null))).stream()
                    .map(JournalEntry::id).toList());
            store.setAside(new JournalState(entry("c", null), 5, true, "down"));
            assertEquals("c", store.revive("c", entry -> true).orElseThrow().entry().id());
            assertEquals(List.of("could not journal 2 compensations; they will still run, but would not survive a "
                    + "crash", "could not write to the compensation journal"), log.records.stream()
                    .map(LogCapture::text).toList());
            assertTrue(log.records.stream().allMatch(r -> r.getThrown() instanceof java.io.IOException),
                    "each names its cause");
        }
        store.close();
    }

    /** A header torn by a crash before anything was recorded is an empty journal. */
    @Test
    void aTornHeaderIsAnEmptyJournal() throws Exception {
        Files.write(dir.resolve(FileCompensationJournal.FILE_NAME), new byte[] {'W', 'A', 'R'});
        CompensationStore store = open("one");
        assertEquals(List.of(), store.claim(100));
        store.record(List.of(entry("a", null)));
        store.close();
        assertEquals(List.of("a"), open("one").claim(100).stream().map(state -> state.entry().id()).toList());
    }

    /**
     * Below {@code compactAt} the file only grows; the first write past it rewrites it with what is live, and
     * a dead letter keeps its DEAD record and attempts through that, and through two restarts; a record written
     * after the compaction goes to the new file.
     */
    @Test
    void theJournalCompactsAtItsBoundaryAndKeepsEveryLiveState() throws Exception {
        Path file = dir.resolve(FileCompensationJournal.FILE_NAME);
        CompensationStore store = open("one");
        store.claim(100);
        store.record(List.of(entry("dead", null), entry("half", null)));
        store.deadLettered(new JournalState(entry("dead", null), 5, true, "gave up"));
        store.attemptFailed("half", 2, "down");
        long size = Files.size(file);
        for (int finished = 0; ; finished++) {
            assertTrue(finished < 1_000, "never compacted: " + size);
            store.record(List.of(entry("done" + finished, null)));
            if (Files.size(file) < size) {
                store.succeeded("done" + finished);
                break;
            }
            size = Files.size(file);
            store.succeeded("done" + finished);
            if (Files.size(file) < size) {
                break;
            }
            size = Files.size(file);
        }
        // The write that compacted took the file past the boundary from at most a record below it.
        assertTrue(size <= COMPACT_AT && size > COMPACT_AT - 300, "compacted at " + size + " bytes");
        store.record(List.of(entry("after", null)));

        for (int restart = 0; restart < 2; restart++) {
            store.close();
            store = open("one");
            assertEquals(List.of("half 2 down", "after 0 null"), store.claim(100).stream()
                    .map(s -> s.entry().id() + " " + s.attempts() + " " + s.lastError()).toList());
            assertEquals(List.of("dead 5 gave up"), store.deadLetters().stream()
                    .map(s -> s.entry().id() + " " + s.attempts() + " " + s.lastError()).toList());
        }
        store.close();
    }
}
