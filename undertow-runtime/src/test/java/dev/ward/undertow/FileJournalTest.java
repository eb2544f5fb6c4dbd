package dev.ward.undertow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void theFileStartsWithItsFormatAndVersion(@TempDir Path dir) throws IOException {
        try (FileCompensationJournal journal = new FileCompensationJournal(dir, 1 << 20)) {
            journal.load();
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(journal.file()), 8);
            assertArrayEquals(new byte[] {'W', 'A', 'R', 'D', 'C', 'J', 0, 1}, head);
        }
    }
}
