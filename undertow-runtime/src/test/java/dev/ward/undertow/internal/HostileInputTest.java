package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests no well-behaved client sends, over raw sockets. Each gets its documented 4xx or a closed
 * connection, within a bounded time; never a 5xx, and never a stack trace, exception or Undertow message on the
 * wire. The table is docs/reliability.md's.
 */
class HostileInputTest {
    /** What the wire must never show: internals of Java, Undertow or Ward. */
    static final Pattern LEAK = Pattern.compile("Exception|\\bat (java|io|dev|org)\\.|UT0\\d{5}|Caused by|undertow",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ");
    /** A closed connection without an answer. */
    private static final int CLOSED = 0;

    private static TestServer server;
    private static final int LINGER_BODY = 4 * 1024 * 1024;
    private static final byte[] LINGER_SLICE = new byte[64 * 1024];

    record Case(String name, String request, Set<Integer> allowed) {
    }

    @BeforeAll
    static void start() {
        server = HostileServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static final List<Case> CASES = List.of(
            new Case("malformed request line", "GARBAGE\r\n\r\n", Set.of(400)),
            new Case("header without a colon", "GET /health HTTP/1.1\r\nHost x\r\n\r\n", Set.of(400)),
            new Case("NUL in a header", "GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n", Set.of(400)),
            new Case("invalid method", "G(T /health HTTP/1.1\r\nHost: x\r\n\r\n", Set.of(400)),
            new Case("space in the target", "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n", Set.of(400)),
            new Case("oversized header", "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n",
                    Set.of(400, 431, CLOSED)),
            new Case("huge URL", "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", Set.of(400, 414, CLOSED)),
            new Case("too many query parameters", "GET /orders/1?" + "a=1&".repeat(2_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                    Set.of(400)),
            new Case("bad percent-encoding in the path", "GET /orders/%zz HTTP/1.1\r\nHost: x\r\n\r\n", Set.of(400)),
            new Case("bad percent-encoding in the query", "GET /orders/1?q=%zz HTTP/1.1\r\nHost: x\r\n\r\n", Set.of(400)),
            new Case("a number out of range", "GET /orders/99999999999999999999 HTTP/1.1\r\nHost: x\r\n\r\n", Set.of(400)),
            new Case("duplicate Content-Length", "POST /orders HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                    + "Content-Length: 5\r\n\r\nabcde", Set.of(400)),
            new Case("negative Content-Length", "POST /orders HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
                    Set.of(400)),
            new Case("Content-Length with Transfer-Encoding", "POST /orders HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", Set.of(400)),
            new Case("malformed chunk size", "POST /orders HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "zz\r\nabc\r\n0\r\n\r\n", Set.of(400, CLOSED)),
            new Case("truncated buffered body", "POST /orders HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc",
                    Set.of(400, CLOSED)),
            new Case("truncated streamed body", "POST /stream HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc",
                    Set.of(400, CLOSED)),
            new Case("a body far over the limit", "POST /orders HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\n",
                    Set.of(413)),
            new Case("path traversal", "GET /files/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", Set.of(400)),
            new Case("dot segment", "GET /files/./x HTTP/1.1\r\nHost: x\r\n\r\n", Set.of(400)),
            new Case("unknown path", "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", Set.of(400)));

    @Test
    void everyHostileRequestGetsItsDocumented4xxOrAClosedConnection() throws Exception {
        for (Case hostile : CASES) {
            long start = System.nanoTime();
            String answer = exchange(hostile.request());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            int status = status(answer);
            assertTrue(hostile.allowed().contains(status), hostile.name() + ": got " + (status == CLOSED ? "a closed "
                    + "connection" : status) + ", documented " + hostile.allowed() + "\n" + answer);
            assertTrue(millis < 5_000, hostile.name() + " took " + millis + " ms");
            assertNoLeak(hostile.name(), answer);
        }
        assertEquals(200, status(exchange("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")));
    }

    @Test
    void anEncodedSlashNeverBecomesASeparator() throws Exception {
        String answer = exchange("GET /files/..%2F..%2Fetc%2Fpasswd HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(200, status(answer));
        assertTrue(answer.endsWith("file ..%2F..%2Fetc%2Fpasswd"), "one literal segment, never decoded: " + answer);
    }

    @Test
    void crLfSmuggledIntoARequestIdIsNeverEchoed() throws Exception {
        String answer = exchange("GET /health HTTP/1.1\r\nHost: x\r\nX-Request-Id: abc\r\n Set-Cookie: evil=1\r\n\r\n");
        assertFalse(answer.contains("evil"), answer);
        Matcher id = Pattern.compile("X-Request-Id: ([^\r]*)\r\n").matcher(answer);
        assertTrue(id.find(), answer);
        assertTrue(id.group(1).matches("[0-9a-f]{16}"), "a fresh id replaces an unsafe one: " + id.group(1));
    }

    @Test
    void slowlorisHeadersAreCutOffByTheParseTimeout() throws Exception {
        long start = System.nanoTime();
        String answer;
        try (RawHttp raw = new RawHttp(server.server.port())) {
            raw.write("GET /health HTTP/1.1\r\nHost: x\r\n");
            for (int i = 0; i < 40; i++) {
                try {
                    raw.write("X-" + i + ": a\r\n");
                    Thread.sleep(100);
                } catch (java.io.IOException closed) {
                    break;
                }
            }
            answer = raw.readUntilClosed();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 6_000, "the trickling client was cut off, after " + millis + " ms");
        assertFalse(answer.startsWith("HTTP/1.1 200"), answer);
        assertNoLeak("slowloris headers", answer);
    }

    @Test
    void slowlorisBodiesGet408() throws Exception {
        long start = System.nanoTime();
        String answer;
        try (RawHttp raw = new RawHttp(server.server.port())) {
            raw.write("POST /orders HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
            for (int i = 0; i < 30; i++) {
                try {
                    raw.write("x");
                    Thread.sleep(100);
                } catch (java.io.IOException closed) {
                    break;
                }
            }
            answer = raw.readUntilClosed();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(408, status(answer), answer);
        assertTrue(millis < 6_000, "cut off after " + millis + " ms");
        assertNoLeak("slowloris body", answer);
    }

    static String exchange(String request) throws Exception {
        return exchange(server.server.port(), request);
    }

    /** Sends a request, half-closes, and reads until the server closes (or 10 s pass). */
    static String exchange(int port, String request) throws java.io.IOException {
        try (RawHttp raw = new RawHttp(port)) {
            raw.write(request);
            try {
                raw.shutdownOutput();
            } catch (java.io.IOException alreadyClosed) {
                // the server closed first: its answer is what matters
            }
            return raw.readUntilClosed();
        }
    }

    static int status(String answer) {
        Matcher matcher = STATUS.matcher(answer);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : CLOSED;
    }

    /**
     * A client that sends a body over the limit without waiting for an answer (no {@code Expect: 100-continue}) is
     * still sending when the 413 is written; the server reads and discards the rest before it closes, so the client
     * reads the 413 instead of a connection reset.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/orders", "/stream"})
    void aClientStillSendingATooLargeBodyReadsThe413(String path) throws Exception {
        for (int round = 0; round < 20; round++) {
            String fixed = sendTooLargeWithoutWaiting(path, false);
            assertTrue(fixed.startsWith("HTTP/1.1 413 "), "round " + round + ": " + fixed);
            String chunked = sendTooLargeWithoutWaiting(path, true);
            assertTrue(chunked.startsWith("HTTP/1.1 413 "), "round " + round + ", chunked: " + chunked);
        }
    }

    /**
     * Sends a 4 MiB body without waiting for an answer, then reads the answer, as a naive client does. Write errors
     * are ignored: what the client can still read afterwards is the point.
     */
    private static String sendTooLargeWithoutWaiting(String path, boolean chunked) throws IOException {
        try (RawHttp raw = new RawHttp(server.server.port())) {
            try {
                raw.write("POST " + path + " HTTP/1.1\r\nHost: x\r\n"
                        + (chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: " + LINGER_BODY + "\r\n\r\n"));
                for (int sent = 0; sent < LINGER_BODY; sent += LINGER_SLICE.length) {
                    raw.write(chunked ? Integer.toHexString(LINGER_SLICE.length) + "\r\n" : "");
                    raw.write(LINGER_SLICE);
                    raw.write(chunked ? "\r\n" : "");
                }
            } catch (IOException closed) {
                // the server closed while the body was still being sent
            }
            try {
                return raw.readResponse();
            } catch (IOException reset) {
                return reset.toString();
            }
        }
    }

    static void assertNoLeak(String name, String answer) {
        Matcher leak = LEAK.matcher(answer);
        assertFalse(leak.find(), name + " leaked '" + (leak.find(0) ? leak.group() : "") + "': " + answer);
    }
}
