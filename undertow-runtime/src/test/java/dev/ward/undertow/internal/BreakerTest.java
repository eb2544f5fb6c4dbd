package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every transition of the breaker, on a clock the test moves: no sleeps. */
class BreakerTest {
    private long now = 1_000;
    private final List<String> moves = new ArrayList<>();

    /** Opens at 50% of the last 4 calls once 4 are in; 10 s open; 2 probes. */
    private Breaker breaker() {
        return new Breaker("payments", new Breaker.Settings(0.5, 4, 4, 10_000, 2), () -> now,
                (breaker, from, to) -> moves.add(from + "->" + to));
    }

    private static void calls(Breaker breaker, boolean... failed) {
        for (boolean f : failed) {
            Breaker.Permit permit = breaker.acquire();
            assertNotNull(permit, "a closed breaker admits");
            permit.record(f);
        }
    }

    private void advanceMillis(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void staysClosedUntilTheWindowHoldsMinimumCallsThenOpensAtTheRatio() {
        Breaker breaker = breaker();
        calls(breaker, true, true, true);
        assertEquals(Breaker.State.CLOSED, breaker.state(), "3 failures, but fewer than minimumCalls ended");
        calls(breaker, false);
        assertEquals(Breaker.State.CLOSED, breaker.state(), "a success never opens it");
        calls(breaker, true);
        assertEquals(Breaker.State.OPEN, breaker.state(), "the last 4 hold 3 failures: 75% >= 50%");
        assertEquals(List.of("CLOSED->OPEN"), moves);
    }

    @Test
    void theWindowForgetsOldOutcomes() {
        Breaker breaker = breaker();
        calls(breaker, true, false, false, false, false, true);
        // Window now: false false false true -> 25%.
        assertEquals(Breaker.State.CLOSED, breaker.state());
        calls(breaker, true);
        // false false true true -> 50%.
        assertEquals(Breaker.State.OPEN, breaker.state());
    }

    @Test
    void openRefusesUntilOpenForWithRetryAfterRoundedUp() {
        Breaker breaker = breaker();
        calls(breaker, true, true, true, true);
        assertNull(breaker.acquire());
        assertEquals(10, breaker.retryAfterSeconds());
        advanceMillis(8_500);
        assertNull(breaker.acquire());
        assertEquals(2, breaker.retryAfterSeconds(), "1.5 s left rounds up to 2");
        advanceMillis(1_499);
        assertEquals(1, breaker.retryAfterSeconds(), "1 ms left is still a second");
        assertNull(breaker.acquire());
    }

    @Test
    void halfOpenAdmitsExactlyHalfOpenCallsAndClosesWhenAllSucceed() {
        Breaker breaker = breaker();
        calls(breaker, true, true, true, true);
        advanceMillis(10_000);
        Breaker.Permit first = breaker.acquire();
        Breaker.Permit second = breaker.acquire();
        assertNotNull(first);
        assertNotNull(second);
        assertEquals(Breaker.State.HALF_OPEN, breaker.state());
        assertNull(breaker.acquire(), "a third request while 2 probes are out is refused");
        first.record(false);
        assertEquals(Breaker.State.HALF_OPEN, breaker.state(), "one probe of two succeeded");
        second.record(false);
        assertEquals(Breaker.State.CLOSED, breaker.state());
        assertEquals(List.of("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED"), moves);
        calls(breaker, true, true, true);
        assertEquals(Breaker.State.CLOSED, breaker.state(), "closing starts an empty window");
    }

    @Test
    void aFailedProbeOpensAgainForAnotherOpenFor() {
        Breaker breaker = breaker();
        calls(breaker, true, true, true, true);
        advanceMillis(10_000);
        Breaker.Permit probe = breaker.acquire();
        Breaker.Permit other = breaker.acquire();
        probe.record(true);
        assertEquals(Breaker.State.OPEN, breaker.state());
        other.record(false);
        assertEquals(Breaker.State.OPEN, breaker.state(), "a probe of a past phase moves nothing");
        assertEquals(10, breaker.retryAfterSeconds());
        assertEquals(List.of("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->OPEN"), moves);
    }

    @Test
    void aProbeThatNeverReportsCountsAsFailedAfterOpenFor() {
        Breaker breaker = breaker();
        calls(breaker, true, true, true, true);
        advanceMillis(10_000);
        assertNotNull(breaker.acquire());
        assertNotNull(breaker.acquire());
        advanceMillis(9_999);
        assertNull(breaker.acquire(), "the probes are still out");
        advanceMillis(1);
        assertNull(breaker.acquire(), "silent probes opened it again, rather than leave it half-open for ever");
        assertEquals(Breaker.State.OPEN, breaker.state());
        advanceMillis(10_000);
        assertNotNull(breaker.acquire(), "and it probes again after another openFor");
        assertEquals(List.of("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->OPEN", "OPEN->HALF_OPEN"), moves);
    }

    @Test
    void aReleasedProbeGivesItsPlaceBack() {
        Breaker breaker = breaker();
        calls(breaker, true, true, true, true);
        advanceMillis(10_000);
        Breaker.Permit shed = breaker.acquire();
        assertNotNull(breaker.acquire());
        assertNull(breaker.acquire());
        shed.release();
        assertNotNull(breaker.acquire(), "a probe shed further in said nothing; another may go");
    }

    @Test
    void anOutcomeFromBeforeTheBreakerOpenedIsNotCountedAfter() {
        Breaker breaker = breaker();
        Breaker.Permit slow = breaker.acquire();
        calls(breaker, true, true, true, true);
        advanceMillis(10_000);
        breaker.acquire().record(false);
        slow.record(true);
        assertEquals(Breaker.State.HALF_OPEN, breaker.state(), "the closed phase's late failure is not a probe's");
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Breaker.Settings(0, 4, 4, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Breaker.Settings(Double.NaN, 4, 4, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Breaker.Settings(0.5, 4, 5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Breaker.Settings(0.5, 4, 4, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Breaker.Settings(0.5, 4, 4, 1, 0));
    }
}
