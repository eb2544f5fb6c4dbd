package dev.ward.undertow;

/** A journaled compensation as it stood when the journal was last written: its entry and how far it got. */
public record JournalState(JournalEntry entry, int attempts, boolean dead, String lastError) {
}
