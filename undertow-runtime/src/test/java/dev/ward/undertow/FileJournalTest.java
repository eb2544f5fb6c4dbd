package dev.ward.undertow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.undertow.internal.LogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file journal: what it keeps, what a torn write costs (only itself), and that it stays small. */
class FileJournalTest {

    private static JournalEntry entry(String id, byte[] body) {
        return new JournalEntry(id, "POST /orders", "releaseStock", "key-" + id, "status 500",
                Instant.ofEpochMilli(1_700_000_000_000L), 5, 100, Map.of("id", "7"), Map.of("sku", "apple"),
                Map.of("X-Tenant", "acme"), body, body == null ? null : "UTF-8");
    }

    @Test
    void aReopenedJournalHasEveryUnfinishedCompensationWithItsState(@TempDir Path dir) throws IOException {
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 1 << 20)) {
            journal.load();
            journal.pending(List.of(entry("a", "body-a".getBytes(StandardCharsets.UTF_8)), entry("b", null),
                    entry("c", null)));
            journal.attemptFailed("a", 1, "down");
            journal.succeeded("b");
            journal.deadLettered("c", 5, "still down");
        }
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 1 << 20)) {
            List<JournalState> states = journal.load();
            assertEquals(2, states.size());
            JournalState a = states.get(0);
            assertEquals("a", a.entry().id());
            assertEquals(1, a.attempts());
            assertEquals("down", a.lastError());
            assertEquals(false, a.dead());
            assertArrayEquals("body-a".getBytes(StandardCharsets.UTF_8), a.entry().body());
            assertEquals(Map.of("sku", "apple"), a.entry().query());
            assertEquals("key-a", a.entry().idempotencyKey());
            assertEquals(Instant.ofEpochMilli(1_700_000_000_000L), a.entry().failedAt());
            JournalState c = states.get(1);
            assertEquals(true, c.dead());
            assertEquals(5, c.attempts());
        }
    }

    @Test
    void aTornLastRecordIsDroppedAndEveryEarlierOneKept(@TempDir Path dir) throws IOException {
        Path file;
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 1 << 20)) {
            journal.load();
            journal.pending(List.of(entry("a", null), entry("b", null)));
            file = journal.file();
        }
        long whole = Files.size(file);
        // A crash mid-write: a length prefix promising more than follows, and half a payload.
        Files.write(file, new byte[] {0, 0, 0, 100, 1, 2, 3, 4, 1, 0, 5}, StandardOpenOption.APPEND);
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 1 << 20)) {
            List<JournalState> states = journal.load();
            assertEquals(List.of("a", "b"), states.stream().map(s -> s.entry().id()).toList());
            assertEquals(whole, Files.size(file), "the torn tail is cut off");
            journal.pending(List.of(entry("c", null)));
        }
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 1 << 20)) {
            assertEquals(List.of("a", "b", "c"), journal.load().stream().map(s -> s.entry().id()).toList(),
                    "records appended after the repair are read");
        }
    }

    @Test
    void aCorruptedRecordIsDetectedByItsChecksum(@TempDir Path dir) throws IOException {
        Path file;
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 1 << 20)) {
            journal.load();
            journal.pending(List.of(entry("a", null)));
            long firstEnd = Files.size(journal.file());
            journal.pending(List.of(entry("b", null)));
            file = journal.file();
            byte[] bytes = Files.readAllBytes(file);
            bytes[(int) firstEnd + 20] ^= 0x5a; // flip bits inside the second record's payload
            Files.write(file, bytes);
        }
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 1 << 20)) {
            assertEquals(List.of("a"), journal.load().stream().map(s -> s.entry().id()).toList());
        }
    }

    @Test
    void theJournalCompactsItselfSoItDoesNotGrowWithoutBound(@TempDir Path dir) throws IOException {
        byte[] body = new byte[4096];
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 64 * 1024)) {
            journal.load();
            for (int i = 0; i < 1_000; i++) {
                journal.pending(List.of(entry("e" + i, body)));
                journal.succeeded("e" + i);
            }
            journal.pending(List.of(entry("survivor", body)));
            assertTrue(Files.size(journal.file()) < 256 * 1024,
                    "4 MiB of finished records compacted away: " + Files.size(journal.file()));
        }
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 64 * 1024)) {
            assertEquals(List.of("survivor"), journal.load().stream().map(s -> s.entry().id()).toList());
        }
    }

    /** The file's size after {@code journal} wrote its records. */
    private static long size(FileCompensationJournal journal) throws IOException {
        return Files.size(journal.file());
    }

    /**
     * Compaction starts at the first write that takes the file past {@code compactAt}, not at one that reaches it
     * exactly; a success can be that write. The file is brought to the exact size with an attempt record, whose
     * error text sets its length to the byte.
     */
    @Test
    void theFileCompactsOnlyOnceItIsPastTheSizeGiven(@TempDir Path scratch, @TempDir Path dir) throws IOException {
        long afterTwo;
        long pendingRecord;
        try (FileCompensationJournal measure = new FileCompensationJournal(scratch, 1 << 20)) {
            measure.load();
            measure.pending(List.of(entry("a", null)));
            long afterOne = size(measure);
            measure.pending(List.of(entry("b", null)));
            afterTwo = size(measure);
            pendingRecord = afterTwo - afterOne;
        }
        long attemptRecord = 19 + 500; // length, crc, type, id "a", attempt, flag, error of 500 characters
        long compactAt = afterTwo + attemptRecord + pendingRecord;
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, compactAt)) {
            journal.load();
            journal.pending(List.of(entry("a", null)));
            journal.pending(List.of(entry("b", null)));
            journal.attemptFailed("a", 1, "x".repeat(500));
            journal.pending(List.of(entry("c", null)));
            assertEquals(compactAt, size(journal), "exactly at the size given: not compacted yet");
            journal.succeeded("c");
            assertTrue(size(journal) < compactAt, "one byte past it, the success compacted: " + size(journal));
        }
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, compactAt)) {
            assertEquals(List.of("a 1 " + "x".repeat(500), "b 0 null"), journal.load().stream()
                    .map(s -> s.entry().id() + " " + s.attempts() + " " + s.lastError()).toList());
        }
    }

    /** After a compaction, the next one waits until the file is more than twice the size that compaction left. */
    @Test
    void aCompactedFileIsCompactedAgainOnlyPastTwiceItsSize(@TempDir Path dir) throws IOException {
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 0)) {
            journal.load();
            journal.pending(List.of(entry("a", null), entry("b", null), entry("c", null), entry("d", null)));
            long compacted = size(journal); // past 0 and twice the empty file: compacted to the four records
            long before = size(journal);
            journal.pending(List.of(entry("e", null)));
            long pendingRecord = size(journal) - before;
            journal.succeeded("e");
            journal.attemptFailed("a", 1, "x".repeat((int) (2 * compacted - pendingRecord - size(journal) - 19)));
            journal.pending(List.of(entry("f", null)));
            assertEquals(2 * compacted, size(journal), "exactly twice: not compacted yet");
            before = size(journal);
            journal.pending(List.of(entry("g", null)));
            assertTrue(size(journal) < before + pendingRecord, "past twice: compacted to " + size(journal));
        }
    }

    /** A dead letter revived before a compaction is pending after it, with no attempts, and after a restart. */
    @Test
    void aRevivedDeadLetterSurvivesCompaction(@TempDir Path dir) throws IOException {
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 0)) {
            journal.load();
            journal.pending(List.of(entry("a", null)));
            long pendingRecord = size(journal) - 8;
            journal.deadLettered("a", 5, "down");
            journal.revived("a");
            journal.pending(List.of(entry("b", null)));
            assertEquals(8 + 2 * pendingRecord, size(journal), "compacted to the header and two pending records");
        }
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 1 << 20)) {
            assertEquals(List.of("a 0 false null", "b 0 false null"), journal.load().stream()
                    .map(s -> s.entry().id() + " " + s.attempts() + " " + s.dead() + " " + s.lastError()).toList());
        }
    }

    /** Text is cut to 2,000 characters: one of exactly that length is kept whole. An empty body stays empty. */
    @Test
    void textUpToTheLimitAndAnEmptyBodyAreKeptAsTheyAre(@TempDir Path dir) throws IOException {
        String limit = "f".repeat(2_000);
        JournalEntry atLimit = new JournalEntry("a", "POST /orders", "releaseStock", "key-a", limit,
                Instant.ofEpochMilli(1_700_000_000_000L), 5, 100, Map.of(), Map.of(), Map.of(), new byte[0], "UTF-8");
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 1 << 20)) {
            journal.load();
            journal.pending(List.of(atLimit));
            journal.attemptFailed("a", 1, "e".repeat(2_001));
        }
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 1 << 20)) {
            JournalState a = journal.load().get(0);
            assertEquals(limit, a.entry().failure());
            assertEquals("e".repeat(2_000), a.lastError(), "cut to the limit");
            assertArrayEquals(new byte[0], a.entry().body(), "an empty body, not an absent one");
        }
    }

    /**
     * A torn tail is reported with its size, and only a torn tail: an intact journal loads without a warning. A tail
     * of zeros (what a file system may leave after a crash while extending the file) is torn, not an error.
     */
    @Test
    void onlyATornTailIsReportedAndWithItsSize(@TempDir Path dir) throws IOException {
        Path file;
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 1 << 20)) {
            journal.load();
            journal.pending(List.of(entry("a", null)));
            file = journal.file();
        }
        try (LogCapture log = new LogCapture(); FileCompensationJournal journal = new FileCompensationJournal(dir, 1 << 20)) {
            assertEquals(1, journal.load().size());
            assertEquals(List.of(), log.mentioning("torn"), "nothing torn, nothing reported");
        }
        Files.write(file, new byte[12], StandardOpenOption.APPEND);
        try (LogCapture log = new LogCapture(); FileCompensationJournal journal = new FileCompensationJournal(dir, 1 << 20)) {
            assertEquals(List.of("a"), journal.load().stream().map(s -> s.entry().id()).toList());
            assertEquals(List.of("compensation journal " + file + ": dropped a torn last record (12 bytes); every "
                    + "earlier record is intact"), log.records.stream().map(LogCapture::text).toList());
        }
    }

    @Test
    void theFileStartsWithItsFormatAndVersion(@TempDir Path dir) throws IOException {
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 1 << 20)) {
            journal.load();
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(journal.file()), 8);
            assertArrayEquals(new byte[] {'W', 'A', 'R', 'D', 'C', 'J', 0, 1}, head);
        }
    }
}
