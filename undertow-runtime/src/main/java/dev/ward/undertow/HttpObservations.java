package dev.ward.undertow;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.Set;

/**
 * Micrometer observations of HTTP requests, named and tagged as Micrometer's own HTTP server instrumentation
 * does, so existing dashboards work: low-cardinality {@code method}, {@code uri} (the route template, or
 * {@code NOT_FOUND} / {@code UNKNOWN}), {@code status}, {@code outcome}, {@code exception}. The OpenTelemetry
 * semantic-convention names ({@code http.route}, {@code http.request.method}, {@code http.response.status_code},
 * {@code error.type}) are added as high-cardinality values: tracing bridges put them on spans, while meters keep
 * the five tags above and are not doubled.
 */
final class HttpObservations implements RequestRecorder {
    static final String DEFAULT_NAME = "http.server.requests";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String UNKNOWN = "UNKNOWN";
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS", "TRACE");

    private final ObservationRegistry registry;

    HttpObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    /**
     * Starts an observation of this exchange as a receiver context, so a tracing bridge continues an incoming
     * {@code traceparent}; it stops when the exchange completes, with the status the client received.
     */
    @Override
    public Observation start(String name, String uri, HttpServerExchange exchange, RouteExchange route) {
        RequestReplyReceiverContext<HttpServerExchange, HttpServerExchange> context =
                new RequestReplyReceiverContext<>((carrier, key) -> carrier.getRequestHeaders().getFirst(key));
        context.setCarrier(exchange);
        String method = method(exchange.getRequestMethod());
        Observation observation = Observation.createNotStarted(name, () -> context, registry)
                .contextualName(method + " " + uri)
                .lowCardinalityKeyValue("method", method)
                .lowCardinalityKeyValue("uri", uri)
                .highCardinalityKeyValue("http.request.method", method)
                .highCardinalityKeyValue("http.route", uri)
                .start();
        exchange.addExchangeCompleteListener((done, next) -> {
            try {
                context.setResponse(done);
                int status = done.getStatusCode();
                Throwable failure = route == null ? null : route.failure();
                String exception = failure == null ? "none" : failure.getClass().getSimpleName();
                observation.lowCardinalityKeyValue("status", Integer.toString(status))
                        .lowCardinalityKeyValue("outcome", Outcome.forStatus(status).name())
                        .lowCardinalityKeyValue("exception", exception)
                        .highCardinalityKeyValue("http.response.status_code", Integer.toString(status));
                if (failure != null) {
                    observation.highCardinalityKeyValue(KeyValue.of("error.type", failure.getClass().getName()));
                    observation.error(failure);
                } else if (status >= 500) {
                    observation.highCardinalityKeyValue("error.type", Integer.toString(status));
                }
                observation.stop();
            } finally {
                next.proceed();
            }
        });
        return observation;
    }

    /** Known methods as they are; anything else is {@code UNKNOWN}, so a client cannot invent tag values. */
    static String method(HttpString method) {
        String name = method.toString();
        return KNOWN_METHODS.contains(name) ? name : UNKNOWN;
    }
}
