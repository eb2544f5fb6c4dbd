package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Backoff, the deadline's "cannot finish", and which failures the filters of @Retry and @Fallback take. */
class RetrySpecTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void theDelayDoublesUpToMaxDelay() {
        RetrySpec spec = RetrySpec.attempts(8).delay(100, ChronoUnit.MILLIS).maxDelay(1, ChronoUnit.SECONDS)
                .jitter(0);
        assertEquals(100 * MS, spec.delayNanos(1, 0.7));
        assertEquals(200 * MS, spec.delayNanos(2, 0.7));
        assertEquals(400 * MS, spec.delayNanos(3, 0.7));
        assertEquals(800 * MS, spec.delayNanos(4, 0.7));
        assertEquals(1000 * MS, spec.delayNanos(5, 0.7));
        assertEquals(1000 * MS, spec.delayNanos(60, 0.7), "no overflow however many retries");
    }

    @Test
    void jitterSpreadsTheDelayButNeverPastMaxDelay() {
        RetrySpec spec = RetrySpec.attempts(3).delay(100, ChronoUnit.MILLIS).maxDelay(110, ChronoUnit.MILLIS)
                .jitter(0.2);
        assertEquals(80 * MS, spec.delayNanos(1, 0));
        assertEquals(100 * MS, spec.delayNanos(1, 0.5));
        assertEquals(110 * MS, spec.delayNanos(1, 0.99), "120% would pass maxDelay");
    }

    @Test
    void anAttemptStartsOnlyIfTheDelayAndAsLongAsTheLastOneFitBeforeTheDeadline() {
        long start = 1_000 * MS;
        long now = start + 50 * MS;  // the failed attempt took 50 ms
        long deadline = start + 300 * MS;
        assertTrue(RetryStep.fits(now, 100 * MS, start, deadline), "50 + 100 + 50 < 300");
        assertFalse(RetryStep.fits(now, 200 * MS, start, deadline), "50 + 200 + 50 = 300: it could not finish");
        assertTrue(RetryStep.fits(now, 10_000 * MS, start, 0), "no deadline, no bound");
    }

    @Test
    void refusesWhatTheProcessorRefusesToo() {
        assertThrows(IllegalArgumentException.class, () -> RetrySpec.attempts(0));
        assertThrows(IllegalArgumentException.class, () -> RetrySpec.attempts(2).delay(-1, ChronoUnit.MILLIS));
        assertThrows(IllegalArgumentException.class, () -> RetrySpec.attempts(2).jitter(1.5));
    }

    @Test
    void theFilterLooksAtTheCauseChainAndItsExceptionsWin() {
        ExceptionFilter filter = RetrySpec.attempts(2).retryOn(IOException.class).abortOn(FileNotFoundException.class)
                .filter();
        IOException io = new IOException("reset");
        assertSame(io, filter.match(new UncheckedIOException(io)), "the matching cause, not its wrapper");
        assertNull(filter.match(new IllegalStateException("other")));
        assertNull(filter.match(new RuntimeException(new UncheckedIOException(new FileNotFoundException("x")))),
                "an abortOn anywhere in the chain wins");
        assertTrue(filter.excepted(new RuntimeException(new FileNotFoundException("x"))));
        assertEquals("IOException; not FileNotFoundException", filter.toString());
    }

    @Test
    void withoutRetryOnEveryExceptionIsRetriedButNoError() {
        ExceptionFilter filter = RetrySpec.attempts(2).filter();
        assertTrue(filter.match(new IllegalStateException()) != null);
        assertNull(filter.match(new AssertionError()));
    }

    @Test
    void aCyclicCauseChainIsWalkedToABoundedDepth() {
        RuntimeException first = new RuntimeException("a");
        RuntimeException second = new RuntimeException("b", first);
        first.initCause(second);
        assertNull(FallbackSpec.applyOn(IOException.class).filter().match(first));
    }
}
