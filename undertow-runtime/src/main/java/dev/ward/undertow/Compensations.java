package dev.ward.undertow;

import java.util.List;

/** The server's compensations: {@code server.compensations()}. */
public interface Compensations {
    /** Compensations scheduled or running, not yet succeeded nor dead. */
    int pending();

    /** Compensations that failed every attempt, oldest first. */
    List<DeadLetter> deadLetters();

    /**
     * Gives a dead letter a fresh round of attempts. Returns false when no dead letter has this id.
     */
    boolean retry(String id);
}
