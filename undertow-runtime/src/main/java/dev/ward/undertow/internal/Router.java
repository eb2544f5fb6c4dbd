package dev.ward.undertow.internal;

import dev.ward.Response;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.PathTemplateMatcher;
import java.util.ArrayList;
import java.util.HashMap;
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
    private static final CompletionStep LEAVE_FLIGHT = new CompletionStep() {
        @Override
        public void completed(RouteExchange exchange) {
            exchange.route().inFlight().decrementAndGet();
        }

        @Override
        public String toString() {
            return "leave-in-flight";
        }
    };
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
    /**
     * Per method, the routes whose template has no variable, by path: found without the matcher's allocations. A
     * template that is the whole path is the most specific, so the matcher would have chosen it too.
     */
    private final Map<HttpString, Map<String, RouteChain>> literalByMethod = new HashMap<>();
    /** Per method, each route by its template's shape ({@code /a/{}}): equivalent templates share a shape. */
    private final Map<HttpString, Map<String, Route>> routesByMethod = new LinkedHashMap<>();
    /** Every route's chain, in the order the routes were added. */
    private final List<RouteChain> chains = new ArrayList<>();
    /** Null without an observation or meter registry: then unmatched requests cost no observation. */
    private final RequestRecorder observations;

    Router(RequestRecorder observations) {
        this.observations = observations;
    }

    /**
     * A route, the handler chain composed for it, and the steps that run as each of its requests completes (an
     * array: the per-request loop walks it).
     */
    private record RouteChain(Route route, HttpHandler handler, CompletionStep[] completion, FailureStep[] failure) {
    }

    /**
     * Adds the route; its in-flight gauge, when it has one, is counted out after its own completion steps.
     * {@code failure} holds the steps between dispatch and the handler, innermost first.
     */
    void add(Route route, HttpHandler handler, List<CompletionStep> completion, List<FailureStep> failure) {
        List<CompletionStep> steps = new ArrayList<>(completion);
        if (route.inFlight() != null) {
            steps.add(LEAVE_FLIGHT);
        }
        HttpString method = HttpString.tryFromString(route.spec().method());
        String template = route.spec().template();
        Route existing = routesByMethod.computeIfAbsent(method, m -> new LinkedHashMap<>())
                .putIfAbsent(template.replaceAll("\\{[^/}]*}", "{}"), route);
        if (existing != null) {
            throw new IllegalStateException(duplicate(existing, route));
        }
        RouteChain chain = new RouteChain(route, handler, steps.toArray(CompletionStep[]::new),
                failure.toArray(FailureStep[]::new));
        byMethod.computeIfAbsent(method, m -> new PathTemplateMatcher<>()).add(template, chain);
        if (template.indexOf('{') < 0 && template.indexOf('*') < 0) {
            literalByMethod.computeIfAbsent(method, m -> new HashMap<>()).put(template, chain);
        }
        chains.add(chain);
    }

    /**
     * Each route's chain as it runs, one line per route: {@code GET /orders/{id}: observed(...) -> deadline(300 ms)
     * -> dispatch(workers) -> fallback(IOException) -> retry(3 attempts, ...) -> StockRoute; when complete:
     * cancel-deadline, ..., leave-in-flight}.
     */
    List<String> describeChains() {
        List<String> lines = new ArrayList<>(chains.size());
        for (RouteChain chain : chains) {
            StringJoiner steps = new StringJoiner(" -> ", chain.route().name() + ": ", "");
            HttpHandler step = chain.handler();
            while (step instanceof ChainStep wrapping) {
                steps.add(wrapping.toString());
                step = wrapping.next();
            }
            steps.add(step.toString());
            for (int i = chain.failure().length - 1; i >= 0; i--) {
                steps.add(chain.failure()[i].toString());
            }
            steps.add(Route.typeName(chain.route().spec().handler()));
            if (chain.route().fault() != null) {
                steps.add(chain.route().fault().toString());
            }
            StringJoiner completion = new StringJoiner(", ", "; when complete: ", "");
            for (CompletionStep done : chain.completion()) {
                completion.add(done.toString());
            }
            lines.add(steps + (chain.completion().length == 0 ? "" : completion.toString()));
        }
        return lines;
    }

    /** Names both route groups, so the duplicate is found in the sources without a search. */
    private static String duplicate(Route first, Route second) {
        String routes = first.name().equals(second.name()) ? " both answer " + first.name()
                : " answer the same paths: " + first.name() + " and " + second.name();
        String groups = first.group().equals(second.group()) ? "two routes of " + first.group()
                : first.group() + " and " + second.group();
        return groups + routes + "; remove or change one of them";
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
        HttpString routed = Methods.HEAD.equals(method) ? Methods.GET : method;
        Map<String, RouteChain> literals = literalByMethod.get(routed);
        RouteChain chain = literals == null ? null : literals.get(path);
        Map<String, String> pathParams = Map.of();
        if (chain == null) {
            PathTemplateMatcher.PathMatchResult<RouteChain> match = match(routed, path);
            if (match != null) {
                chain = match.getValue();
                pathParams = match.getParameters();
            }
        }
        if (chain != null) {
            RouteExchange routeExchange = new RouteExchange(exchange, chain.route(), chain.completion(),
                    chain.failure(), requestId, pathParams);
            exchange.putAttachment(RouteExchange.ATTACHMENT, routeExchange);
            if (chain.route().inFlight() != null) {
                chain.route().inFlight().incrementAndGet();
            }
            if (chain.completion().length > 0) {
                exchange.addExchangeCompleteListener(ROUTE_COMPLETED);
            }
            try {
                chain.handler().handleRequest(exchange);
            } catch (Throwable failure) {
                routeExchange.failedBeforeHandler(failure);
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
