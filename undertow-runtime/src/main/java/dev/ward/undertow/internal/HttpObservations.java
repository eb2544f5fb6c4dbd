package dev.ward.undertow.internal;

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

    @Override
    public RouteRecording forRoute(String name, String method, String uri) {
        return new RouteObservations(name, uri);
    }

    @Override
    public void recordUnmatched(String uri, HttpServerExchange exchange) {
        Observation observation = start(DEFAULT_NAME, uri, exchange);
        exchange.addExchangeCompleteListener((done, next) -> {
            try {
                stop(observation, done, null);
            } finally {
                next.proceed();
            }
        });
    }

    /**
     * Starts an observation of this exchange as a receiver context, so a tracing bridge continues an incoming
     * {@code traceparent}.
     */
    private Observation start(String name, String uri, HttpServerExchange exchange) {
        RequestReplyReceiverContext<HttpServerExchange, HttpServerExchange> context =
                new RequestReplyReceiverContext<>((carrier, key) -> carrier.getRequestHeaders().getFirst(key));
        context.setCarrier(exchange);
        String method = method(exchange.getRequestMethod());
        return Observation.createNotStarted(name, () -> context, registry)
                .contextualName(method + " " + uri)
                .lowCardinalityKeyValue("method", method)
                .lowCardinalityKeyValue("uri", uri)
                .highCardinalityKeyValue("http.request.method", method)
                .highCardinalityKeyValue("http.route", uri)
                .start();
    }

    /** Stops the observation with the status the client received and the failure that was answered, if any. */
    @SuppressWarnings("unchecked") // start() made the context, with exactly these types
    private static void stop(Observation observation, HttpServerExchange done, Throwable failure) {
        ((RequestReplyReceiverContext<HttpServerExchange, HttpServerExchange>) observation.getContext())
                .setResponse(done);
        int status = done.getStatusCode();
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
    }

    /** One route's observations: started as the request enters the route, stopped as its exchange completes. */
    private final class RouteObservations implements RouteRecording {
        private final String name;
        private final String uri;

        RouteObservations(String name, String uri) {
            this.name = name;
            this.uri = uri;
        }

        @Override
        public String toString() {
            return "stop-observation";
        }

        @Override
        public void start(RouteExchange exchange) {
            exchange.observation(HttpObservations.this.start(name, uri, exchange.httpExchange()));
        }

        @Override
        public void completed(RouteExchange exchange) {
            if (exchange.observation() != null) {
                stop(exchange.observation(), exchange.httpExchange(), exchange.failure());
            }
        }
    }

    /** Known methods as they are; anything else is {@code UNKNOWN}, so a client cannot invent tag values. */
    static String method(HttpString method) {
        String name = method.toString();
        return KNOWN_METHODS.contains(name) ? name : UNKNOWN;
    }
}
