package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ward.Response;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A route's completion steps run in order from one listener; one failing never skips the ones after it. */
class CompletionStepsTest {
    static Stream<Supplier<Throwable>> failures() {
        return Stream.of(() -> new IllegalStateException("this registry refuses timers"),
                () -> new AssertionError("this registry refuses timers"),
                () -> new StackOverflowError("this registry refuses timers"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void aTimingStepThatThrowsDoesNotKeepTheRequestInFlightOrBreakTheNext(Supplier<Throwable> failure)
            throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        meters.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getType() == Meter.Type.TIMER) {
                    throw sneaky(failure.get());
                }
                return id;
            }
        });
        try (LogCapture logs = new LogCapture();
             TestServer server = TestServer.start(registry -> registry.route("GET", "/traced").traced("")
                .timeout(5, ChronoUnit.SECONDS).handler(ex -> ex.respond(Response.ok("ok"))),
                builder -> builder.meterRegistry(meters))) {
            for (int i = 0; i < 3; i++) {
                assertEquals("ok", server.get("/traced").body(), "request " + i);
            }
            Gauge inFlight = meters.get(WardMetrics.IN_FLIGHT).tag("route", "GET /traced").gauge();
            // The timing step throws on every request; the in-flight step after it must still count each one out.
            Await.until(() -> inFlight.value() == 0.0, () -> "in flight " + inFlight.value());
            List<LogRecord> logged = logs.mentioning("route GET /traced: a completion step failed");
            assertEquals(3, logged.size(), "one line per failed step");
            assertSame(failure.get().getClass(), logged.get(0).getThrown().getClass());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable failure) throws T {
        throw (T) failure;
    }
}
