package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The buffer behind byte[]/String bodies and @ReplayBody never holds more than its bound. */
class BodyBoundTest {

    @Test
    void chunksOfAnySizeNeverGrowTheBufferPastTheLimit() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int limit = 1 + random.nextInt(100_000);
            BodyBufferHandler.Accumulator body = new BodyBufferHandler.Accumulator(Math.min(limit, 8 * 1024));
            int total = 0;
            while (true) {
                byte[] chunk = new byte[1 + random.nextInt(20_000)];
                if (!body.add(chunk, limit)) {
                    assertTrue(total + chunk.length > limit, "refused only past the limit");
                    assertEquals(0, body.capacity(), "a refused body lets go of its buffer");
                    break;
                }
                total += chunk.length;
                assertTrue(body.capacity() <= limit, "capacity " + body.capacity() + " > limit " + limit);
                assertEquals(total, body.bytes().length);
            }
        }
    }

    @Test
    void aDeclaredLengthIsAllocatedOnceAndReturnedWithoutCopying() {
        BodyBufferHandler.Accumulator body = new BodyBufferHandler.Accumulator(5);
        assertTrue(body.add(new byte[] {1, 2}, 5));
        assertTrue(body.add(new byte[] {3, 4, 5}, 5));
        assertEquals(5, body.capacity());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, body.bytes());
        assertFalse(body.add(new byte[] {6}, 5));
    }
}
