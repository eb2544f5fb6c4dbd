package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import dev.ward.undertow.Routes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The chain the server composes, as it logs it at DEBUG on start, is the one docs/runtime.md documents: the
 * documented line for a route with every step is the logged one, word for word.
 */
class ChainOrderTest {
    private static final Logger WARD = Logger.getLogger("dev.ward");

    /** Stands in for a generated route class: the chain's description ends with its name. */
    static final class PlaceRoute implements RouteHandler {
        @Override
        public void handle(RouteExchange exchange) {
            exchange.respond(Response.ok("placed"));
        }
    }

    static final class NoteRoute implements RouteHandler {
        @Override
        public void handle(RouteExchange exchange) {
            exchange.respond(Response.ok(exchange.bodyText()));
        }
    }

    @Test
    void theLoggedChainOfARouteWithEveryStepIsTheDocumentedOne() throws Exception {
        List<String> chains = chainsLoggedOnStart();
        String documented = "POST /orders/{id}: observed(http.server.requests POST /orders/{id}) -> "
                + "rate-limit(10 per 1000 ms, burst 5, by X-Api-Key, at most 100 keys) -> "
                + "circuit-breaker(orders: failureRatio 0.5, window 20, minimumCalls 10, openFor 5000 ms, "
                + "halfOpenCalls 3) -> adaptive-limit(POST /orders/{id}, 1..50) -> "
                + "compensable(release) -> deadline(300 ms) -> body(replay, 1 MiB) -> dispatch(workers) -> "
                + "fallback(IOException; not FileNotFoundException) -> "
                + "retry(3 attempts, 100 ms..1 s, budget(10% of requests + 10/s)) -> PlaceRoute; "
                + "when complete: count-retries, cancel-deadline, compensate(release), "
                + "release-limit(POST /orders/{id}), record-outcome(orders), stop-observation, leave-in-flight";
        assertEquals(documented, chains.get(0));
        assertTrue(Files.readString(Path.of("../docs/runtime.md")).contains("\n" + documented + "\n"),
                "docs/runtime.md shows the chain the server composes");
    }

    /**
     * The order of docs/fault-tolerance.md, step by step, for a route that declares every step: each step's name
     * is found after the one before it, so swapping any two, or losing one, fails.
     */
    @Test
    void everyStepSitsWhereTheDocumentedOrderPutsIt() throws Exception {
        List<String> order = List.of("observed(", "rate-limit(", "circuit-breaker(", "adaptive-limit(", "compensable(",
                "deadline(", "body(", "dispatch(", "fallback(", "retry(", "PlaceRoute");
        String chain = chainsLoggedOnStart().get(0);
        String steps = chain.substring(0, chain.indexOf("; when complete:"));
        int last = -1;
        for (String step : order) {
            int at = steps.indexOf(" " + step);
            assertTrue(at > last, step + " is in the chain, after the steps documented before it: " + steps);
            last = at;
        }
        assertTrue(Files.readString(Path.of("../docs/fault-tolerance.md")).contains(String.join(" > ",
                "Traced", "Recover", "RateLimit", "CircuitBreaker", "concurrency", "Compensable", "Timeout", "body",
                "dispatch", "Fallback", "Retry", "Use", "bind", "handler")), "docs/fault-tolerance.md states the order");
    }

    @Test
    void aRouteWithoutStepsHasOnlyItsDispatch() throws Exception {
        assertEquals("POST /notes: body(buffered, 2 MiB) -> dispatch(io-thread) -> NoteRoute; when complete: "
                + "leave-in-flight", chainsLoggedOnStart().get(1));
    }

    /** Starts a server with both routes and returns the chain lines it logged. */
    private static List<String> chainsLoggedOnStart() {
        List<String> chains = chainsLoggedOnStart(registry -> {
            registry.route("POST", "/orders/{id}").traced("")
                    .rateLimit(10, 1000, 5, "X-Api-Key", 100)
                    .circuitBreaker("orders", 0.5, 20, 10, 5000, 3)
                    .adaptiveConcurrency(20, 1, 50)
                    .compensable(CompensationSpec.calling("release"), (arguments, context) -> { })
                    .timeout(300, ChronoUnit.MILLIS).replayBody(1024 * 1024).recover()
                    .retry(RetrySpec.attempts(3).delay(100, ChronoUnit.MILLIS).maxDelay(1, ChronoUnit.SECONDS)
                            .retryOn(IOException.class))
                    .fallback(FallbackSpec.applyOn(IOException.class).skipOn(FileNotFoundException.class))
                    .handler(new PlaceRoute());
            registry.route("POST", "/notes").bufferBody().nonBlocking().handler(new NoteRoute());
        }, server -> { });
        assertEquals(2, chains.size(), chains::toString);
        return chains;
    }

    /**
     * Starts a server with {@code routes} and a meter registry, with "dev.ward" at DEBUG, runs {@code whileRunning}
     * and returns the chain lines the server logged as it started.
     */
    static List<String> chainsLoggedOnStart(Routes routes, Consumer<TestServer> whileRunning) {
        Level level = WARD.getLevel();
        WARD.setLevel(Level.FINE);
        try (LogCapture logs = new LogCapture();
             TestServer server = TestServer.start(routes, builder -> builder.meterRegistry(new SimpleMeterRegistry()))) {
            whileRunning.accept(server);
            return logs.records.stream().filter(r -> r.getLevel() == Level.FINE)
                    .map(LogCapture::text).filter(text -> text.matches("[A-Z]+ /.*")).toList();
        } finally {
            WARD.setLevel(level);
        }
    }
}
