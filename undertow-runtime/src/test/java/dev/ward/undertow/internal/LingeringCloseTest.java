package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client that sends a body over the limit without waiting for an answer (no {@code Expect: 100-continue}) is
 * still sending when the 413 is written; the server reads and discards the rest before it closes, so the client
 * reads the 413 instead of a connection reset.
 */
class LingeringCloseTest {
    private static final int BODY = 4 * 1024 * 1024;
    private static final byte[] SLICE = new byte[64 * 1024];
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = HostileServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/orders", "/stream"})
    void aClientStillSendingATooLargeBodyReadsThe413(String path) throws Exception {
        for (int round = 0; round < 20; round++) {
            String fixed = sendAndRead(path, false);
            assertTrue(fixed.startsWith("HTTP/1.1 413 "), "round " + round + ": " + fixed);
            String chunked = sendAndRead(path, true);
            assertTrue(chunked.startsWith("HTTP/1.1 413 "), "round " + round + ", chunked: " + chunked);
        }
    }

    /** Sends a 4 MiB body from another thread, as a client that does not wait would, and reads the answer. */
    private static String sendAndRead(String path, boolean chunked) throws Exception {
        RawHttp raw = new RawHttp(server.server.port());
        raw.write("POST " + path + " HTTP/1.1\r\nHost: x\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: " + BODY + "\r\n\r\n"));
        Thread sender = new Thread(() -> {
            try {
                for (int sent = 0; sent < BODY; sent += SLICE.length) {
                    if (chunked) {
                        raw.write((Integer.toHexString(SLICE.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    raw.write(SLICE);
                    if (chunked) {
                        raw.write("\r\n");
                    }
                }
            } catch (IOException closed) {
                // the server may close once it has discarded enough; the answer is what counts
            }
        }, "lingering-test-sender");
        sender.start();
        try {
            return raw.readResponse();
        } finally {
            raw.close(); // also stops the sender, should it still be writing
            sender.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
