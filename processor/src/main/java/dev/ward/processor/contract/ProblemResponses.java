package dev.ward.processor.contract;

import dev.ward.processor.model.Binding;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.ReturnShape;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The problems ({@code application/problem+json}) Ward itself answers for a route, by status, each with why: what
 * the route's parameters, result and annotations imply. The one place that knows it; a new source of problems
 * (another annotation) adds its line here. Not listed: what the server answers before any route is chosen (404
 * for no route, 405 for another method, 503 while stopping), which docs/contract.md describes once.
 */
public final class ProblemResponses {
    private ProblemResponses() {
    }

    public static SortedMap<Integer, String> of(Route route) {
        SortedMap<Integer, String> problems = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        Param body = null;
        for (Param param : route.params()) {
            if (param.binding() == Binding.BODY) {
                body = param;
                unreadable.add("the body");
            } else if ((param.binding() == Binding.QUERY || param.binding() == Binding.HEADER)
                    && (param.valueType() != ValueType.STRING || !param.optional() && param.defaultValue() == null)
                    || param.binding() == Binding.PATH && param.valueType() != ValueType.STRING) {
                unreadable.add(param.binding().description() + " '" + param.name() + "'");
            }
        }
        if (!unreadable.isEmpty()) {
            problems.put(400, "Bad Request: " + String.join(", ", unreadable) + " missing or not valid; the problem "
                    + "says which, and where");
        }
        if (route.returns().kind() == ReturnShape.Kind.OPTIONAL_DATA) {
            problems.put(404, "Not Found: nothing was found here");
        }
        if (body != null) {
            problems.put(413, "Content Too Large: the body is larger than " + route.replayBody()
                    .map(replay -> "@ReplayBody(maxBytes = " + replay.maxBytes() + ")")
                    .orElse("the server's maxEntitySize"));
            if (body.valueType() == ValueType.DATA) {
                problems.put(415, "Unsupported Media Type: the body's Content-Type is absent or not JSON");
            } else if (body.valueType() == ValueType.STRING) {
                problems.put(415, "Unsupported Media Type: the body's charset is not supported");
            }
        }
        route.rateLimit().ifPresent(limit -> problems.put(429, "Too Many Requests: over the route's @RateLimit"
                + (limit.keyHeader().isEmpty() ? "" : " for its " + limit.keyHeader()) + "; Retry-After says when"));
        problems.put(500, route.recover() ? "Internal Server Error: the route failed; @Recover logged why"
                : "Internal Server Error: the route failed");
        List<String> unavailable = new ArrayList<>();
        route.timeout().ifPresent(timeout -> unavailable.add("the deadline of " + timeout.value() + " "
                + switch (timeout.unit()) {
                    case "MILLIS", "" -> "ms";
                    case "SECONDS" -> "s";
                    default -> timeout.unit().toLowerCase(java.util.Locale.ROOT);
                } + " passed"));
        if (route.nonBlocking().isEmpty() || route.timeout().isPresent()) {
            unavailable.add("the worker pool is full");
        }
        if (route.compensable().isPresent()) {
            unavailable.add("too many compensations are pending");
        }
        route.circuitBreaker().ifPresent(breaker -> unavailable.add("its circuit breaker is open (Retry-After)"));
        // The server's own adaptiveConcurrency(...) may shed any route; the processor cannot see that option.
        unavailable.add(route.adaptiveConcurrency().isPresent() ? "over its @AdaptiveConcurrency limit"
                : "over the server's concurrency limit, when one is set");
        problems.put(503, "Service Unavailable: " + String.join(", or ", unavailable));
        return problems;
    }
}
