package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.Response;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** A route's completion steps run in order from one listener; one failing never skips the ones after it. */
class CompletionStepsTest {
    @Test
    void aMeterRegistryThatThrowsDoesNotKeepTheRequestInFlightOrBreakTheNext() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        meters.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getType() == Meter.Type.TIMER) {
                    throw new IllegalStateException("this registry refuses timers");
                }
                return id;
            }
        });
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/traced").traced("")
                .timeout(5, ChronoUnit.SECONDS).handler(ex -> ex.respond(Response.ok("ok"))),
                builder -> builder.meterRegistry(meters))) {
            for (int i = 0; i < 3; i++) {
                assertEquals("ok", server.get("/traced").body(), "request " + i);
            }
            Gauge inFlight = meters.get(WardMetrics.IN_FLIGHT).tag("route", "GET /traced").gauge();
            // The timing step throws on every request; the in-flight step after it must still count each one out.
            Await.until(() -> inFlight.value() == 0.0, () -> "in flight " + inFlight.value());
        }
    }
}
