package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A flapping breaker is counted every time but logged at most once per 10 s, on a clock the test moves. */
class BreakerTransitionsTest {
    private long now;

    @Test
    void everyTransitionIsCountedAndAFlappingBreakerDoesNotFloodTheLog() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Breaker breaker = new Breaker("ledger", new Breaker.Settings(1.0, 1, 1, 100, 2), () -> now,
                new BreakerTransitions(new WardMetrics(meters), () -> now));
        try (LogCapture logs = new LogCapture()) {
            for (int flap = 0; flap < 3; flap++) {
                breaker.acquire().record(true); // closed -> open
                now += TimeUnit.MILLISECONDS.toNanos(100);
                breaker.acquire().record(false); // open -> half-open, one probe of two
                breaker.acquire().record(false); // -> closed
            }
            now += TimeUnit.SECONDS.toNanos(BreakerTransitions.LOG_SECONDS);
            breaker.acquire().record(true);
            assertEquals(List.of(
                    "WARNING circuit breaker ledger opened: its routes answer 503 for 100 ms, then let 2 probes through",
                    "WARNING circuit breaker ledger opened: its routes answer 503 for 100 ms, then let 2 probes "
                            + "through (5 more transitions since the last such line)"),
                    logs.records.stream().map(r -> r.getLevel() + " " + LogCapture.text(r)).toList());
        }
        assertEquals(4, meters.get(WardMetrics.BREAKER_TRANSITIONS).tags("from", "closed", "to", "open").counter()
                .count());
        assertEquals(3, meters.get(WardMetrics.BREAKER_TRANSITIONS).tags("from", "half-open", "to", "closed")
                .counter().count());
    }
}
