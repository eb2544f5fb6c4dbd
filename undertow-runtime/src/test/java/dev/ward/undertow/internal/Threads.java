package dev.ward.undertow.internal;

import java.util.Arrays;

/** Counting live threads in leak tests. */
final class Threads {
    private Threads() {
    }

    /** Ward's worker pool threads, of every server in this JVM. */
    static long workers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("ward-worker-")).count();
    }

    /** Live threads but those whose names start with one of the test clients' prefixes (they keep theirs alive). */
    static int excluding(String... clientPrefixes) {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> Arrays.stream(clientPrefixes).noneMatch(t.getName()::startsWith)).count();
    }
}
