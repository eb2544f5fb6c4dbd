package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer over valid requests: every mutant gets a non-5xx answer (but 505 for a request line
 * that names another major version of HTTP) or a closed connection, and nothing internal on the wire. Replay a failure with {@code -Dward.fuzz.seed=<seed> -Dward.fuzz.cases=<n>};
 * run more with a larger {@code ward.fuzz.cases}.
 */
class FuzzTest {
    private static final long SEED = Long.getLong("ward.fuzz.seed", 20261127L);
    private static final int CASES = Integer.getInteger("ward.fuzz.cases", 3_000);
    /** A request line whose version is HTTP/x.y with x not 1, the only line that may get a 505. */
    private static final Pattern OTHER_MAJOR = Pattern.compile("[^ \r\n]+ [^ \r\n]+ HTTP/[02-9]\\.[0-9]\r\n");
    private static final String[] VALID = {
        "GET /orders/42?q=x HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n",
        "GET /files/report.txt HTTP/1.1\r\nHost: x\r\nX-Request-Id: abc-1\r\n\r\n",
        "POST /orders HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello",
        "POST /orders HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "POST /stream HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world",
        "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    };
    private static final String[] INTERESTING = {"\r\n", "\r\n\r\n", "\0", "%", "%zz", "%00", "../", "/./", "\"",
        "{", "}", "\u00ff", " ", ":", "\t", "?", "#", "&&&", "=", ";", "\\", "%2F", "-1", "999999999999", "\u0001"};

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = HostileServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void mutatedRequestsNeverGetA5xxOrLeakInternals() throws Exception {
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            int index = i;
            done.add(clients.submit(() -> {
                fuzzOne(index, failures);
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();
        System.out.printf("fuzz: %d mutants of %d valid requests, seed %d: %d failures%n", CASES, VALID.length, SEED,
                failures.size());
        assertEquals(List.of(), new ArrayList<>(failures), "replay with -Dward.fuzz.seed=" + SEED);
        assertEquals(200, HostileInputTest.status(HostileInputTest.exchange(server.server.port(),
                "GET /health HTTP/1.1\r\nHost: x\r\n\r\n")));
    }

    private static void fuzzOne(int index, ConcurrentLinkedQueue<String> failures) {
        Random random = new Random(SEED * 1_000_003L + index);
        String request = mutate(VALID[random.nextInt(VALID.length)], random);
        try {
            String answer = HostileInputTest.exchange(server.server.port(), request);
            int status = HostileInputTest.status(answer);
            // 505 is the one 5xx a client earns: its request line named HTTP/<major other than 1>.
            if (status >= 500 && !(status == 505 && OTHER_MAJOR.matcher(request).lookingAt())) {
                failures.add("case " + index + ": " + status + " for " + printable(request));
            }
            if (HostileInputTest.LEAK.matcher(answer).find()) {
                failures.add("case " + index + ": leak for " + printable(request) + " -> " + printable(answer));
            }
        } catch (java.io.IOException e) {
            // a connection the server refused or reset is an acceptable answer to garbage
        }
    }

    static String mutate(String valid, Random random) {
        StringBuilder request = new StringBuilder(valid);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && request.length() > 0; m++) {
            int at = random.nextInt(request.length());
            switch (random.nextInt(7)) {
                case 0 -> request.setCharAt(at, (char) random.nextInt(256));
                case 1 -> request.insert(at, INTERESTING[random.nextInt(INTERESTING.length)]);
                case 2 -> request.delete(at, Math.min(request.length(), at + 1 + random.nextInt(8)));
                case 3 -> request.setLength(at);
                case 4 -> {
                    int end = request.indexOf("\r\n", at);
                    if (end > 0) {
                        int start = end == 0 ? 0 : request.lastIndexOf("\r\n", end - 1) + 2;
                        request.insert(end + 2, request.substring(Math.min(Math.max(0, start), end), end) + "\r\n");
                    }
                }
                case 5 -> {
                    int length = request.indexOf("Content-Length: ");
                    if (length >= 0) {
                        int end = request.indexOf("\r\n", length);
                        if (end > length + 16) {
                            request.replace(length + 16, end, Long.toString(random.nextLong() % 100_000));
                        }
                    }
                }
                default -> {
                    int headers = request.indexOf("\r\n");
                    if (headers > 0) {
                        request.insert(headers + 2, "X-Fuzz: " + INTERESTING[random.nextInt(INTERESTING.length)]
                                + "\r\n");
                    }
                }
            }
        }
        return new String(request.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.substring(0, Math.min(text.length(), 300)).toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return out.toString();
    }
}
