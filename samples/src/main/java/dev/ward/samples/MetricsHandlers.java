package dev.ward.samples;

import dev.ward.Get;
import dev.ward.Responds;
import dev.ward.Response;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: every meter, Ward's and the JVM's, in the Prometheus text format. */
public class MetricsHandlers {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final JvmMeters jvm;

    MetricsHandlers(PrometheusMeterRegistry registry, JvmMeters jvm) {
        this.registry = registry;
        this.jvm = jvm;
    }

    @Get("/metrics")
    @Responds(status = 200, body = String.class, description = "the Prometheus text format, version 0.0.4")
    public Response scrape() {
        jvm.bind();
        return Response.status(200).body(registry.scrape().getBytes(StandardCharsets.UTF_8), PROMETHEUS_TEXT);
    }
}
