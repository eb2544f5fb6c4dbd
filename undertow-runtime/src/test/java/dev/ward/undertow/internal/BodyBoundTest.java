package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The buffer behind byte[]/String bodies and @ReplayBody never holds more than its bound. */
class BodyBoundTest {

    @Test
    void readsOfAnySizeNeverGrowTheBufferPastTheLimit() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int limit = 1 + random.nextInt(100_000);
            int sent = random.nextInt(2 * limit);
            Pieces channel = new Pieces();
            for (int left = sent; left > 0; ) {
                int piece = Math.min(left, 1 + random.nextInt(20_000));
                channel.add(new byte[piece]);
                channel.add(new byte[0]); // nothing more has arrived yet
                left -= piece;
            }
            BodyBufferHandler.Accumulator body = new BodyBufferHandler.Accumulator(Math.min(limit, 8 * 1024), false);
            int outcome;
            do {
                outcome = body.readFrom(channel, limit);
                assertTrue(body.capacity() <= limit, "capacity " + body.capacity() + " > limit " + limit);
            } while (outcome == BodyBufferHandler.Accumulator.MORE);
            if (sent > limit) {
                assertEquals(BodyBufferHandler.Accumulator.TOO_LARGE, outcome, "refused past the limit");
                assertEquals(0, body.capacity(), "a refused body lets go of its buffer");
            } else {
                assertEquals(BodyBufferHandler.Accumulator.DONE, outcome, sent + " of " + limit);
                assertEquals(sent, body.bytes().length);
            }
        }
    }

    @Test
    void aDeclaredLengthIsAllocatedOnceAndFilledInPlace() throws IOException {
        BodyBufferHandler.Accumulator body = new BodyBufferHandler.Accumulator(5, true);
        Pieces channel = new Pieces();
        channel.add(new byte[] {1, 2});
        channel.add(new byte[0]);
        channel.add(new byte[] {3, 4, 5});
        assertEquals(BodyBufferHandler.Accumulator.MORE, body.readFrom(channel, 5));
        assertEquals(BodyBufferHandler.Accumulator.DONE, body.readFrom(channel, 5));
        assertEquals(5, body.capacity());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, body.bytes());
        assertSame(body.bytes(), body.bytes(), "the buffer itself, not a copy");
    }

    @Test
    void aDeclaredBodyThatEndsShortCannotBeRead() {
        BodyBufferHandler.Accumulator body = new BodyBufferHandler.Accumulator(5, true);
        Pieces channel = new Pieces();
        channel.add(new byte[] {1, 2});
        assertThrows(IOException.class, () -> body.readFrom(channel, 5));
    }

    /** Hands out the queued pieces one read at a time (an empty piece reads 0: nothing yet), then its end. */
    private static final class Pieces implements ReadableByteChannel {
        private final Deque<ByteBuffer> pieces = new ArrayDeque<>();

        void add(byte[] piece) {
            pieces.add(ByteBuffer.wrap(piece));
        }

        @Override
        public int read(ByteBuffer target) {
            ByteBuffer piece = pieces.peek();
            if (piece == null) {
                return -1;
            }
            int n = Math.min(piece.remaining(), target.remaining());
            target.put(piece.slice().limit(n));
            piece.position(piece.position() + n);
            if (!piece.hasRemaining()) {
                pieces.remove();
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
