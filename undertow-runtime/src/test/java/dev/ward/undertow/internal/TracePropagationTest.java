package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.propagation.TraceContext;
import brave.sampler.Sampler;
import dev.ward.Response;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An incoming W3C traceparent is continued through a real tracing bridge (Brave, via Micrometer Tracing). */
class TracePropagationTest {

    /** Brave behind Micrometer Tracing, recording the spans that end. */
    private static final class Brave implements AutoCloseable {
        final List<MutableSpan> spans = new CopyOnWriteArrayList<>();
        final Tracing tracing = Tracing.newBuilder()
                .propagationFactory(new W3CPropagation())
                .currentTraceContext(ThreadLocalCurrentTraceContext.create())
                .sampler(Sampler.ALWAYS_SAMPLE)
                .addSpanHandler(new SpanHandler() {
                    @Override
                    public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                        spans.add(span);
                        return true;
                    }
                })
                .build();
        final BraveTracer tracer = new BraveTracer(tracing.tracer(),
                new BraveCurrentTraceContext(tracing.currentTraceContext()), new BraveBaggageManager());
        final ObservationRegistry observations = ObservationRegistry.create();

        Brave() {
            observations.observationConfig().observationHandler(
                    new ObservationHandler.FirstMatchingCompositeObservationHandler(
                            new PropagatingReceiverTracingObservationHandler<>(tracer, new BravePropagator(tracing)),
                            new DefaultTracingObservationHandler(tracer)));
        }

        String currentTrace() {
            return tracer.currentSpan() == null ? "none" : tracer.currentSpan().context().traceId();
        }

        @Override
        public void close() {
            tracing.close();
        }
    }

    @Test
    void theServerSpanContinuesTheCallersTrace() throws Exception {
        Brave brave = new Brave();
        List<MutableSpan> spans = brave.spans;
        java.util.concurrent.atomic.AtomicReference<String> traceSeenByHandler = new java.util.concurrent.atomic.AtomicReference<>();
        try (TestServer server = TestServer.start(registry -> registry.route("GET", "/orders/{id}").traced("")
                .handler(ex -> {
                    traceSeenByHandler.set(brave.currentTrace());
                    ex.respond(Response.ok("ok"));
                }), builder -> builder.observationRegistry(brave.observations))) {
            server.send(HttpRequest.newBuilder(server.uri("/orders/7"))
                    .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (spans.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            brave.close();
        }
        assertEquals(1, spans.size(), spans.toString());
        MutableSpan span = spans.get(0);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", span.traceId());
        assertEquals("00f067aa0ba902b7", span.parentId());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", traceSeenByHandler.get(), "the handler runs in the span");
        assertEquals("/orders/{id}", span.tag("http.route"));
        assertEquals("GET", span.tag("http.request.method"));
        assertEquals("200", span.tag("http.response.status_code"));
        assertTrue(span.name().toLowerCase().contains("get /orders/{id}"), span.name());
    }

    @Test
    void theTraceScopeIsClosedOnTheWorkerWhenTheHandlerEnds() throws Exception {
        try (Brave brave = new Brave();
             LogCapture logs = new LogCapture();
             TestServer server = TestServer.start(registry -> {
                 registry.route("GET", "/traced").traced("").handler(ex -> ex.respond(Response.ok(brave.currentTrace())));
                 registry.route("GET", "/throws").traced("").recover().handler(ex -> {
                     throw new IllegalStateException("fails inside the span");
                 });
                 registry.route("GET", "/current").handler(ex -> ex.respond(Response.ok(brave.currentTrace())));
             }, builder -> builder.observationRegistry(brave.observations).workerThreads(1))) {
            String caller = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
            assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", server.send(HttpRequest.newBuilder(server.uri("/traced"))
                    .header("traceparent", caller)).body(), "the handler runs in the span");
            // One worker thread: /current runs where the traced handler just ran, and must find no span left there.
            assertEquals("none", server.get("/current").body());
            assertEquals(500, server.send(HttpRequest.newBuilder(server.uri("/throws"))
                    .header("traceparent", caller).header("X-Request-Id", "in-span")).statusCode());
            assertEquals("none", server.get("/current").body(), "nor after a handler that threw");
            assertEquals(1, logs.mentioning("in-span").size());
        }
    }
}
