package dev.ward.undertow.internal;

import dev.ward.undertow.JournalEntry;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import java.time.Instant;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code @Compensable}: when the exchange of an admitted request ({@link CompensationAdmission}) completes,
 * captures what the compensation takes from a failed request (exception, passed deadline, 5xx) into a
 * {@link JournalEntry} and hands it, with the request's place, to the {@link Compensator}; a request that did not
 * fail gives its place back.
 * Completion is the one moment that happens exactly once per request, so each failed request is compensated
 * exactly once, however its deadline and a late exception raced.
 */
final class CompensationStep implements CompletionStep {
    private final Compensator compensator;
    private final Route route;

    CompensationStep(Compensator compensator, Route route) {
        this.compensator = compensator;
        this.route = route;
    }

    @Override
    public void completed(RouteExchange exchange) {
        if (!exchange.compensationHeld()) {
            return; // refused by CompensationAdmission: none of it ran, nothing to undo
        }
        String failure = failure(exchange);
        if (failure == null) {
            compensator.release();
        } else {
            compensator.schedule(capture(exchange, failure), route.spec().compensation(), exchange.handlerReturned(),
                    exchange.failure() != null ? "exception" : exchange.timedOut() ? "deadline" : "status");
        }
    }

    @Override
    public String toString() {
        return "compensate(" + route.spec().compensationSpec().method() + ")";
    }

    /** Why the request failed, as its compensation's context reports it; null when it did not. */
    private static String failure(RouteExchange exchange) {
        int status = exchange.httpExchange().getStatusCode();
        return exchange.failure() != null ? Compensator.describe(exchange.failure())
                : exchange.timedOut() ? "the deadline of " + exchange.route().timeoutNanos() / 1_000_000 + " ms passed"
                : status >= 500 ? "the response status was " + status
                : null;
    }

    /** The path variables, and only the query parameters, headers and body the compensation takes. */
    private JournalEntry capture(RouteExchange exchange, String failure) {
        HttpServerExchange httpExchange = exchange.httpExchange();
        CompensationSpec spec = route.spec().compensationSpec();
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : spec.queries()) {
            Deque<String> values = httpExchange.getQueryParameters().get(name);
            if (values != null && !values.isEmpty()) {
                query.put(name, values.peekFirst());
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : spec.headers()) {
            HeaderValues values = httpExchange.getRequestHeaders().get(name);
            if (values != null && !values.isEmpty()) {
                headers.put(name, values.getFirst());
            }
        }
        byte[] body = spec.capturesBody() ? exchange.bufferedBodyOrNull() : null;
        return new JournalEntry(UUID.randomUUID().toString(), route.name(), spec.method(),
                exchange.requestId(), failure, Instant.now(), spec.maxAttempts(), spec.backoffMillis(),
                exchange.pathParams(), query, headers, body, body == null ? null : charsetName(exchange));
    }

    /**
     * The body's charset; null (UTF-8) for one Java does not know: the bytes are captured as they came, and a
     * failed request is compensated whatever its {@code Content-Type} said.
     */
    private static String charsetName(RouteExchange exchange) {
        try {
            return exchange.requestCharset().name();
        } catch (BindException unsupported) {
            return null;
        }
    }
}
