package dev.ward.processor;

import static dev.ward.processor.Compile.assertCompiles;
import static dev.ward.processor.Compile.assertError;
import static dev.ward.processor.Compile.handlers;

import org.junit.jupiter.api.Test;

/** Rules about {@code @Timeout} and its fallback. */
class TimeoutRulesTest {

    @Test
    void timeoutNotPositive() {
        assertError("Ward/TimeoutNotPositive", "@Timeout(0) would expire before the request starts", handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(0) public String a() { return "a"; } // <- error
                }
                """));
        assertError("Ward/TimeoutNotPositive", "@Timeout(-5)", handlers("""
                @Timeout(-5) // <- error
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                @Timeout(value = 2, unit = java.time.temporal.ChronoUnit.SECONDS)
                public class Handlers {
                    @Get("/a") @Timeout(1) public String a() { return "a"; }
                    @Get("/b") public String b() { return "b"; }
                }
                """));
    }

    @Test
    void timeoutUnit() {
        // Was: compiled, then the server refused the route when it started (Duration.of or toNanos threw).
        assertError("Ward/TimeoutUnit", "@Timeout(unit = ChronoUnit.YEARS) has no exact length", handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(value = 1, unit = java.time.temporal.ChronoUnit.YEARS) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertError("Ward/TimeoutUnit", "@Timeout(unit = ChronoUnit.FOREVER)", handlers("""
                @Timeout(value = 1, unit = java.time.temporal.ChronoUnit.FOREVER) // <- error
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                    @Get("/b") public String b() { return "b"; }
                }
                """));
        assertError("Ward/TimeoutUnit", "@Timeout(200000, ChronoUnit.DAYS) is longer than the runtime can count",
                handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(value = 200000, unit = java.time.temporal.ChronoUnit.DAYS) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(value = 30, unit = java.time.temporal.ChronoUnit.SECONDS)
                    public String a() { return "a"; }
                    @Get("/b") @Timeout(value = 2, unit = java.time.temporal.ChronoUnit.DAYS)
                    public String b() { return "b"; }
                    @Get("/c") @Timeout(value = 500, unit = java.time.temporal.ChronoUnit.MICROS)
                    public String c() { return "c"; }
                }
                """));
    }

    @Test
    void timeoutWithExchange() {
        assertError("Ward/TimeoutWithExchange", "has @Timeout and takes the raw HttpServerExchange", handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(100) public String a(
                            io.undertow.server.HttpServerExchange exchange) { return "a"; } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") public String a(io.undertow.server.HttpServerExchange exchange) { return "a"; }
                    @Get("/b") @Timeout(100) public String b(@Header("Host") String host) { return host; }
                }
                """));
    }

    @Test
    void fallbackNotFound() {
        assertError("Ward/FallbackNotFound", "fallback 'stale' names no method of Handlers; did you mean 'stail'?",
                handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(value = 100, fallback = "stale") // <- error
                    public String a() { return "a"; }
                    public String stail() { return "old"; }
                }
                """));
        assertError("Ward/FallbackNotFound", "fallback 'stale' is declared in Base, not in Handlers", handlers("""
                class Base { public String stale() { return "old"; } }
                public class Handlers extends Base {
                    @Get("/a") @Timeout(value = 100, fallback = "stale") // <- error
                    public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                class Base { public String stale() { return "old"; } }
                public class Handlers extends Base {
                    @Get("/a") @Timeout(value = 100, fallback = "stale") public String a() { return "a"; }
                    @Override public String stale() { return super.stale(); }
                }
                """));
    }

    @Test
    void fallbackAmbiguous() {
        assertError("Ward/FallbackAmbiguous", "fallback 'stale' is ambiguous: Handlers has 2 methods", handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(value = 100, fallback = "stale") // <- error
                    public String a() { return "a"; }
                    public String stale() { return "old"; }
                    public String stale(int n) { return "old" + n; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(value = 100, fallback = "stale") public String a() { return "a"; }
                    public String stale() { return "old"; }
                    public String staleOf(int n) { return "old" + n; }
                }
                """));
    }

    @Test
    void fallbackSignature() {
        assertError("Ward/FallbackSignature",
                "fallback stale(java.lang.String, int) cannot be called with the arguments of a(int, java.lang.String)",
                handlers("""
                public class Handlers {
                    @Get("/a/{n}") @Timeout(value = 100, fallback = "stale") // <- error
                    public String a(@PathParam("n") int n, @QueryParam("q") String q) { return "a"; }
                    public String stale(String q, int n) { return "old"; }
                }
                """));
        assertError("Ward/FallbackSignature", "fallback stale is private", handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(value = 100, fallback = "stale") // <- error
                    public String a() { return "a"; }
                    private String stale() { return "old"; }
                }
                """));
        assertError("Ward/FallbackSignature", "fallback stale is static; the generated class calls it on the handler "
                + "instance", handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(value = 100, fallback = "stale") // <- error
                    public String a() { return "a"; }
                    public static String stale() { return "old"; }
                }
                """));
        assertError("Ward/FallbackSignature", "fallback stale(int) cannot be called with the arguments of "
                + "a(int, java.lang.String)", handlers("""
                public class Handlers {
                    @Get("/a/{n}") @Timeout(value = 100, fallback = "stale") // <- error
                    public String a(@PathParam("n") int n, @QueryParam("q") String q) { return "a"; }
                    public String stale(int n) { return "old"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a/{n}") @Timeout(value = 100, fallback = "stale")
                    public String a(@PathParam("n") int n, @QueryParam("q") String q) { return "a"; }
                    String stale(int n, String q) { return "old"; }
                }
                """));
    }

    @Test
    void fallbackReturnType() {
        assertError("Ward/FallbackReturnType", "fallback stale returns dev.ward.Response, but a returns java.lang.String",
                handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(value = 100, fallback = "stale") // <- error
                    public String a() { return "a"; }
                    public Response stale() { return Response.ok("old"); }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(value = 100, fallback = "stale")
                    public CompletionStage<String> a() { return CompletableFuture.completedFuture("a"); }
                    public CompletionStage<String> stale() { return CompletableFuture.completedFuture("old"); }
                    @Get("/b") @Timeout(value = 100, fallback = "nothing") public void b() { }
                    public void nothing() { }
                }
                """));
    }

    @Test
    void fallbackIsRouteOrTimed() {
        assertError("Ward/FallbackIsRouteOrTimed", "fallback stale is itself a route (@Get)", handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(value = 100, fallback = "stale") // <- error
                    public String a() { return "a"; }
                    @Get("/stale") public String stale() { return "old"; }
                }
                """));
        assertError("Ward/FallbackIsRouteOrTimed", "fallback stale has its own @Timeout", handlers("""
                @Timeout(value = 100, fallback = "stale") // <- error
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                    @Timeout(50) public String stale() { return "old"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(value = 100, fallback = "stale") public String a() { return "a"; }
                    @Get("/stale") public String staleRoute() { return stale(); }
                    public String stale() { return "old"; }
                }
                """));
    }
}
