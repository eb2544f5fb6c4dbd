package dev.ward.processor;

import static dev.ward.processor.Compile.assertCompiles;
import static dev.ward.processor.Compile.assertError;
import static dev.ward.processor.Compile.handlers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code @Fallback} on failure: the fallback-method rules of {@code @Timeout(fallback)} hold for it too (errors on
 * its {@code method} value), it may take the failure, and a route has one fallback.
 */
class FallbackRulesTest {

    @Test
    void fallbackNotFound() {
        assertError("Ward/FallbackNotFound", "fallback 'cachedRoles' names no method of Handlers; did you mean "
                + "'cachedRole'?", handlers("""
                public class Handlers {
                    @Get("/a") @Fallback(method = "cachedRoles", applyOn = RuntimeException.class) // <- error
                    public String a() { return "a"; }
                    public String cachedRole() { return "old"; }
                }
                """));
    }

    @Test
    void fallbackAmbiguous() {
        assertError("Ward/FallbackAmbiguous", "fallback 'stale' is ambiguous", handlers("""
                public class Handlers {
                    @Get("/a") @Fallback(method = "stale", applyOn = RuntimeException.class) // <- error
                    public String a() { return "a"; }
                    public String stale() { return "old"; }
                    public String stale(RuntimeException failure) { return "old"; }
                }
                """));
    }

    @Test
    void fallbackSignatureAndTheFailureParameter() {
        assertError("Ward/FallbackSignature", "fallback stale(int) cannot be called with the arguments of "
                + "a(java.lang.String) (and, last, the failure)", handlers("""
                public class Handlers {
                    @Get("/a/{id}") @Fallback(method = "stale", applyOn = RuntimeException.class) // <- error
                    public String a(@PathParam("id") String id) { return id; }
                    public String stale(int id) { return "old"; }
                }
                """));
        assertError("Ward/FallbackSignature", "fallback stale takes the failure as java.lang.IllegalStateException, "
                + "which cannot hold a java.io.UncheckedIOException it applies on", handlers("""
                public class Handlers {
                    @Get("/a/{id}")
                    @Fallback(method = "stale", // <- error
                            applyOn = {IllegalStateException.class, java.io.UncheckedIOException.class})
                    public String a(@PathParam("id") String id) { return id; }
                    public String stale(String id, IllegalStateException failure) { return "old"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a/{id}")
                    @Fallback(method = "stale", applyOn = {IllegalStateException.class, java.io.UncheckedIOException.class})
                    public String a(@PathParam("id") String id) { return id; }
                    public String stale(String id, RuntimeException failure) { return "old"; }
                    @Get("/b/{id}") @Fallback(method = "plain", applyOn = IllegalStateException.class)
                    public String b(@PathParam("id") String id) { return id; }
                    public String plain(String id) { return "old"; }
                    @Get("/c") @Fallback(method = "any", applyOn = Exception.class)
                    public String c() { return "c"; }
                    public String any(Throwable failure) { return "old"; }
                }
                """));
    }

    @Test
    void aTimeoutFallbackTakesNoFailure() {
        assertError("Ward/FallbackSignature", "fallback stale(java.lang.Exception) cannot be called with the "
                + "arguments of a()", handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(value = 100, fallback = "stale") // <- error
                    public String a() { return "a"; }
                    public String stale(Exception failure) { return "old"; }
                }
                """));
    }

    @Test
    void fallbackReturnType() {
        assertError("Ward/FallbackReturnType", "fallback stale returns int, but a returns java.lang.String",
                handlers("""
                public class Handlers {
                    @Get("/a") @Fallback(method = "stale", applyOn = RuntimeException.class) // <- error
                    public String a() { return "a"; }
                    public int stale() { return 0; }
                }
                """));
    }

    @Test
    void fallbackIsRouteOrTimed() {
        assertError("Ward/FallbackIsRouteOrTimed", "fallback b is itself a route (@Get)", handlers("""
                public class Handlers {
                    @Get("/a") @Fallback(method = "b", applyOn = RuntimeException.class) // <- error
                    public String a() { return "a"; }
                    @Get("/b") public String b() { return "b"; }
                }
                """));
    }

    @Test
    void oneFallbackPerRoute() {
        assertError("Ward/OneFallbackPerRoute", "a() has two fallbacks, @Timeout(fallback = \"stale\") and "
                + "@Fallback(method = \"cached\"); a route has one", handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(value = 100, fallback = "stale")
                    @Fallback(method = "cached", applyOn = RuntimeException.class) // <- error
                    public String a() { return "a"; }
                    public String stale() { return "old"; }
                    public String cached() { return "old"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(100)
                    @Fallback(method = "cached", applyOn = {RuntimeException.class, TimeoutException.class})
                    public String a() { return "a"; }
                    public String cached(Exception failure) { return "old"; }
                }
                """));
    }

    @Test
    void aFallbackThatAlsoAnswersAtTheDeadlineIsRegisteredForBoth() throws Exception {
        String generated = assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(100)
                    @Fallback(method = "cached", applyOn = TimeoutException.class)
                    public String a() { return "a"; }
                    public String cached(TimeoutException failure) { return "old"; }
                    @Get("/b") @Timeout(100)
                    @Fallback(method = "other", applyOn = Exception.class, skipOn = TimeoutException.class)
                    public String b() { return "b"; }
                    public String other() { return "old"; }
                }
                """)).generatedSourceFile("test.HandlersRoutes").orElseThrow().getCharContent(true).toString();
        assertTrue(generated.contains("exchange.onTimeout(() -> Replies.text(handlers.cached(exchange.deadlineExceeded())));"),
                generated);
        assertEquals(1, generated.split("onTimeout", -1).length - 1, "b's fallback skips the deadline: " + generated);
    }
}
