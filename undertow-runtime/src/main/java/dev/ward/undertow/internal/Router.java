package dev.ward.undertow.internal;

import dev.ward.Response;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.PathTemplateMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The server's root handler, on the I/O thread: gives every request its id, finds its route by method and
 * template, and answers 404, 405 (with {@code Allow}) and {@code OPTIONS} itself. Path variables come from the
 * matched template only, never from the query. {@code HEAD} is served by the {@code GET} route, without a body.
 */
final class Router implements HttpHandler {
    static final HttpString X_REQUEST_ID = new HttpString("X-Request-Id");
    /** Counts a request out of its route's in-flight gauge; the last completion step. */
    private static final CompletionStep LEAVE_FLIGHT = route -> route.route().inFlight().decrementAndGet();
    /** The one completion listener of every routed request: it runs the route's steps. */
    private static final ExchangeCompletionListener ROUTE_COMPLETED = (done, next) -> {
        try {
            done.getAttachment(RouteExchange.ATTACHMENT).completed();
        } finally {
            next.proceed();
        }
    };

    /** One matcher per method, so {@code GET /a/{id}} and {@code POST /a/{key}} each keep their own names. */
    private final Map<HttpString, PathTemplateMatcher<RouteChain>> byMethod = new LinkedHashMap<>();
    private final Map<HttpString, Map<String, String>> templatesByMethod = new LinkedHashMap<>();
    /** Null without an observation or meter registry: then unmatched requests cost no observation. */
    private final RequestRecorder observations;

    Router(RequestRecorder observations) {
        this.observations = observations;
    }

    /**
     * A route, the handler chain composed for it, and the steps that run as each of its requests completes (an
     * array: the per-request loop walks it).
     */
    private record RouteChain(Route route, HttpHandler handler, CompletionStep[] completion) {
    }

    /** Adds the route; its in-flight gauge, when it has one, is counted out after its own completion steps. */
    void add(Route route, HttpHandler handler, List<CompletionStep> completion) {
        List<CompletionStep> steps = new ArrayList<>(completion);
        if (route.inFlight() != null) {
            steps.add(LEAVE_FLIGHT);
        }
        HttpString method = HttpString.tryFromString(route.spec().method());
        String template = route.spec().template();
        Map<String, String> templates = templatesByMethod.computeIfAbsent(method, m -> new LinkedHashMap<>());
        String shape = template.replaceAll("\\{[^/}]*}", "{}");
        String existing = templates.putIfAbsent(shape, template);
        if (existing != null) {
            throw new IllegalStateException("two routes answer " + method + " " + template + ": " + method + " "
                    + existing + " is already registered; remove or change one of them");
        }
        byMethod.computeIfAbsent(method, m -> new PathTemplateMatcher<>()).add(template,
                new RouteChain(route, handler, steps.toArray(CompletionStep[]::new)));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String requestId = RequestIds.accept(exchange.getRequestHeaders().getFirst(X_REQUEST_ID));
        exchange.getResponseHeaders().put(X_REQUEST_ID, requestId);
        if (!RequestLine.admit(exchange, requestId)) {
            return;
        }

        HttpString method = exchange.getRequestMethod();
        String path = exchange.getRelativePath();
        if (hasDotSegment(path)) {
            // "/files/../admin" is never routed: no path variable is ever "." or "..".
            ResponseWriter.write(exchange, Problems.of(400, "the path has a '.' or '..' segment", requestId));
            return;
        }
        PathTemplateMatcher.PathMatchResult<RouteChain> match = match(Methods.HEAD.equals(method) ? Methods.GET : method, path);
        if (match != null) {
            RouteChain chain = match.getValue();
            RouteExchange route = new RouteExchange(exchange, chain.route(), chain.completion(), requestId,
                    match.getParameters());
            exchange.putAttachment(RouteExchange.ATTACHMENT, route);
            if (chain.route().inFlight() != null) {
                chain.route().inFlight().incrementAndGet();
            }
            if (chain.completion().length > 0) {
                exchange.addExchangeCompleteListener(ROUTE_COMPLETED);
            }
            try {
                chain.handler().handleRequest(exchange);
            } catch (Throwable failure) {
                route.failedBeforeHandler(failure);
            }
            return;
        }
        String allowed = allowedMethods(path);
        if (observations != null) {
            observations.recordUnmatched(allowed.isEmpty() ? HttpObservations.NOT_FOUND : HttpObservations.UNKNOWN,
                    exchange);
        }
        if (allowed.isEmpty()) {
            ResponseWriter.write(exchange, Problems.of(404, "no route matches this path", requestId));
        } else if (Methods.OPTIONS.equals(method)) {
            ResponseWriter.write(exchange, Response.noContent().header("Allow", allowed));
        } else {
            ResponseWriter.write(exchange, Problems.of(405, "this path accepts " + allowed, requestId).header("Allow", allowed));
        }
    }

    static boolean hasDotSegment(String path) {
        if (path.indexOf("/.") < 0) {
            return false;
        }
        int start = 0;
        while (start < path.length()) {
            int end = path.indexOf('/', start + 1);
            String segment = path.substring(start + 1, end < 0 ? path.length() : end);
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
            if (end < 0) {
                return false;
            }
            start = end;
        }
        return false;
    }

    private PathTemplateMatcher.PathMatchResult<RouteChain> match(HttpString method, String path) {
        PathTemplateMatcher<RouteChain> matcher = byMethod.get(method);
        if (matcher == null) {
            return null;
        }
        PathTemplateMatcher.PathMatchResult<RouteChain> match = matcher.match(path);
        // Undertow matches "/users/" to "/users/{id}" with id = "": an empty segment is no value, so no match.
        if (match == null || match.getParameters().containsValue("")) {
            return null;
        }
        return match;
    }

    private String allowedMethods(String path) {
        StringJoiner allowed = new StringJoiner(", ");
        for (HttpString method : byMethod.keySet()) {
            if (match(method, path) != null) {
                allowed.add(method.toString());
                if (Methods.GET.equals(method)) {
                    allowed.add(Methods.HEAD_STRING);
                }
            }
        }
        return allowed.toString();
    }
}
