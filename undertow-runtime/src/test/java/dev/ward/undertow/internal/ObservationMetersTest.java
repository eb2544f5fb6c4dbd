package dev.ward.undertow.internal;

import dev.ward.undertow.Routes;
import dev.ward.undertow.WardServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ward.Response;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * docs/metrics.md promises the same meters whether @Traced goes through an ObservationRegistry (with Micrometer's
 * meter handler) or straight into a MeterRegistry: same names, same tag keys, same values.
 */
class ObservationMetersTest {
    private static final Routes ROUTES = registry -> {
        registry.route("GET", "/orders/{id}").traced("").handler(ex -> ex.respond(Response.ok("ok")));
        registry.route("GET", "/boom").traced("").recover().handler(ex -> {
            throw new IllegalStateException("boom");
        });
    };

    @Test
    void bothPathsRecordTheSameMeters() throws Exception {
        SimpleMeterRegistry direct = new SimpleMeterRegistry();
        SimpleMeterRegistry observed = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(observed));

        List<String> directMeters = drive(direct, builder -> builder.meterRegistry(direct));
        List<String> observedMeters = drive(observed, builder -> builder.observationRegistry(observations));
        assertEquals(3, directMeters.size(), directMeters.toString()); // /orders/{id} x2, /boom, NOT_FOUND
        assertEquals(observedMeters, directMeters);
    }

    /** Sends the same requests; returns the http.server.requests timers as "tags=count", sorted. */
    private static List<String> drive(SimpleMeterRegistry meters, Consumer<WardServer.Builder> configure)
            throws Exception {
        try (TestServer server = TestServer.start(ROUTES, configure)) {
            server.get("/orders/1");
            server.get("/orders/2");
            server.get("/boom");
            server.get("/nowhere");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (meters.find("http.server.requests").timers().stream().mapToLong(Timer::count).sum() < 4
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertNotNull(meters.find("http.server.requests.active").longTaskTimer());
        return meters.find("http.server.requests").timers().stream()
                .map(timer -> describe(timer.getId()) + "=" + timer.count()).sorted().toList();
    }

    private static String describe(Meter.Id id) {
        return id.getName() + id.getTags();
    }
}
