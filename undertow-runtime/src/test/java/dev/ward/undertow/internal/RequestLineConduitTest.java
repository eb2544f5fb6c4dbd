package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.EmptyStreamSourceConduit;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Every way TCP may cut a request head into reads: the version is found, and a refused version's minor digit is
 * rewritten before the parser sees it, wherever the cuts fall. RequestLineTest shows the same over a socket,
 * where the cuts cannot be chosen.
 */
class RequestLineConduitTest {
    /** Only there because a conduit needs one below it; no byte passes it. */
    private static XnioWorker worker;

    @BeforeAll
    static void start() throws Exception {
        worker = Xnio.getInstance().createWorker(OptionMap.create(Options.WORKER_IO_THREADS, 1));
    }

    @AfterAll
    static void stop() {
        worker.shutdownNow();
    }

    @ParameterizedTest
    @CsvSource({"HTTP/1.1, HTTP/1.1, ''", "HTTP/1.0, HTTP/1.0, ''", "HTTP/1.2, HTTP/1.2, ''",
            "HTTP/9.9, HTTP/9.1, HTTP/9.9", "HTTP/2.0, HTTP/2.1, HTTP/2.0", "HTTP/0.9, HTTP/0.1, HTTP/0.9",
            "HTTP/2.x, HTTP/2.x, ''", "HTTQ/2.0, HTTQ/2.0, ''"})
    void everyCutOfTheHeadIntoTwoOrThreeReads(String sent, String parsed, String refused) throws Exception {
        // Look-alikes before the version and after the line: only the version counts.
        String head = "GET /a?q=HTTP/9.9 " + sent + "\r\nHost: HTTP/9.9\r\n\r\n";
        String expected = "GET /a?q=HTTP/9.9 " + parsed + "\r\nHost: HTTP/9.9\r\n\r\n";
        for (int first = 0; first <= head.length(); first++) {
            for (int second = first; second <= head.length(); second++) {
                RequestLineConduit line = new RequestLineConduit(new Reads(head.substring(0, first),
                        head.substring(first, second), head.substring(second)));
                assertEquals(expected, readAll(line), "cut at " + first + " and " + second);
                assertEquals(refused.isEmpty() ? null : refused, line.takeRefusedVersion());
                assertEquals(null, line.takeRefusedVersion(), "the verdict is given once");
            }
        }
    }

    private static String readAll(RequestLineConduit line) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        while (line.read(buffer) >= 0) {
            // each read returns one scripted piece
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
    }

    /** A socket whose reads return the given pieces, then the end of the stream. */
    private static final class Reads extends AbstractStreamSourceConduit<StreamSourceConduit> {
        private final Deque<String> pieces = new ArrayDeque<>();

        Reads(String... pieces) {
            super(new EmptyStreamSourceConduit(worker.getIoThread()));
            this.pieces.addAll(List.of(pieces));
        }

        @Override
        public int read(ByteBuffer dst) {
            if (pieces.isEmpty()) {
                return -1;
            }
            byte[] bytes = pieces.poll().getBytes(StandardCharsets.ISO_8859_1);
            dst.put(bytes);
            return bytes.length;
        }
    }
}
