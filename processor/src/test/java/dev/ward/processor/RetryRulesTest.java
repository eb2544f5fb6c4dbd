package dev.ward.processor;

import static dev.ward.processor.Compile.assertCompiles;
import static dev.ward.processor.Compile.assertError;
import static dev.ward.processor.Compile.handlers;

import org.junit.jupiter.api.Test;

/** Rules about {@code @Retry} and {@code @Idempotent}: each failing case with its text and line, and a near miss. */
class RetryRulesTest {

    @Test
    void retryNotIdempotent() {
        assertError("Ward/RetryNotIdempotent", "@Retry on POST /orders: a POST is not idempotent by HTTP's "
                + "definition, and a retry would run it a second time", handlers("""
                public class Handlers {
                    @Post("/orders") @Retry // <- error
                    public String place() { return "placed"; }
                }
                """));
        assertError("Ward/RetryNotIdempotent", "a PATCH is not idempotent", handlers("""
                public class Handlers {
                    @Patch("/orders/{id}")
                    @Retry(maxAttempts = 2) // <- error
                    public void amend(@PathParam("id") String id) { }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Post("/orders") @Retry
                    @Idempotent(reason = "keyed by the Idempotency-Key header; a repeat returns the first order")
                    public String place(@Header("Idempotency-Key") String key) { return key; }
                    @Put("/orders/{id}") @Retry public void replace(@PathParam("id") String id) { }
                    @Delete("/orders/{id}") @Retry public void remove(@PathParam("id") String id) { }
                    @Get("/orders/{id}") @Retry public String get(@PathParam("id") String id) { return id; }
                }
                """));
    }

    @Test
    void idempotentReason() {
        assertError("Ward/IdempotentReason", "@Idempotent on place() gives no reason; the opt-in must say why "
                + "running the route twice is harmless", handlers("""
                public class Handlers {
                    @Post("/orders") @Retry
                    @Idempotent(reason = "  ") // <- error
                    public String place() { return "placed"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Post("/orders") @Retry @Idempotent(reason = "upserts by the RequestId")
                    public String place(RequestId id) { return id.value(); }
                }
                """));
    }

    @Test
    void retryStreamBody() {
        assertError("Ward/RetryStreamBody", "@Retry on upload(), which reads its body as an InputStream (body): the "
                + "first attempt consumes it, and a retry would read nothing", handlers("""
                public class Handlers {
                    @Put("/files/{name}") @Retry // <- error
                    public void upload(@PathParam("name") String name, @Body InputStream body) { }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Put("/files/{name}") @Retry @ReplayBody
                    public void upload(@PathParam("name") String name, @Body InputStream body) { }
                    @Put("/notes/{name}") @Retry
                    public void note(@PathParam("name") String name, @Body String body) { }
                }
                """));
    }

    @Test
    void retryAttempts() {
        assertError("Ward/RetryAttempts", "@Retry(maxAttempts = 0) would never run the route", handlers("""
                public class Handlers {
                    @Get("/a") @Retry(maxAttempts = 0) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @Retry(maxAttempts = 1) public String a() { return "a"; }
                }
                """));
    }

    @Test
    void retryDelay() {
        assertError("Ward/RetryDelay", "@Retry(delay = -1) is negative", handlers("""
                public class Handlers {
                    @Get("/a") @Retry(delay = -1) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertError("Ward/RetryDelay", "@Retry(delay = 500, maxDelay = 100): the first wait is already longer than "
                + "the longest one allowed", handlers("""
                public class Handlers {
                    @Get("/a") @Retry(delay = 500, maxDelay = 100) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertError("Ward/RetryDelay", "unit = ChronoUnit.YEARS) is no wait the runtime can count", handlers("""
                public class Handlers {
                    @Get("/a")
                    @Retry(delay = 1, maxDelay = 1, unit = java.time.temporal.ChronoUnit.YEARS) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertError("Ward/RetryDelay", "@Retry(jitter = 1.5) is no fraction of the wait", handlers("""
                public class Handlers {
                    @Get("/a") @Retry(jitter = 1.5) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @Retry(delay = 0, maxDelay = 0, jitter = 0) public String a() { return "a"; }
                    @Get("/b") @Retry(delay = 1, maxDelay = 1, unit = java.time.temporal.ChronoUnit.SECONDS,
                            jitter = 1) public String b() { return "b"; }
                }
                """));
    }

    @Test
    void retryExceedsTimeout() {
        assertError("Ward/RetryExceedsTimeout", "@Retry(maxAttempts = 5) waits 700 ms before attempt 4, but @Timeout "
                + "gives a() 500 ms in all, retries included: attempts 4 to 5 could never start", handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(500)
                    @Retry(maxAttempts = 5, delay = 100, maxDelay = 1000) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(800) @Retry(maxAttempts = 4, delay = 100, maxDelay = 1000)
                    public String a() { return "a"; }
                    @Get("/b") @Retry(maxAttempts = 50, delay = 100, maxDelay = 1000) public String b() { return "b"; }
                }
                """));
    }

    @Test
    void retryOnUnthrown() {
        assertError("Ward/RetryOnUnthrown", "@Retry(retryOn = IOException.class): a() and its middleware cannot throw "
                + "java.io.IOException, a checked exception, so it would never be retried (they declare none)",
                handlers("""
                public class Handlers {
                    @Get("/a") @Retry(retryOn = java.io.IOException.class) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @Retry(retryOn = java.io.IOException.class)
                    public String a() throws java.net.SocketException { return "a"; }
                    @Get("/b") @Retry(retryOn = java.io.UncheckedIOException.class) public String b() { return "b"; }
                    @Get("/c") @Retry(retryOn = java.io.IOException.class)
                    public CompletionStage<String> c() { return CompletableFuture.completedFuture("c"); }
                    @Get("/d") @Retry(retryOn = {Exception.class, IllegalStateException.class})
                    public String d() { return "d"; }
                }
                """));
    }

    @Test
    void retryOnAThrowOfItsMiddlewareIsRetried() {
        assertCompiles(Compile.source("test.Handlers", """
                package test;

                import dev.ward.*;

                public class Handlers {
                    @Middleware
                    public static final class Lookup {
                        public void check(@Header("X-User") String user) throws java.io.IOException { }
                    }

                    @Get("/a") @Use(Lookup.class) @Retry(retryOn = java.io.IOException.class)
                    public String a() { return "a"; }
                }
                """));
    }

    @Test
    void exceptionListOverlap() {
        assertError("Ward/ExceptionListOverlap", "@Retry on a(): java.io.UncheckedIOException is in both retryOn and "
                + "abortOn; abortOn wins, so it is never retried", handlers("""
                public class Handlers {
                    @Get("/a")
                    @Retry(retryOn = java.io.UncheckedIOException.class, // <- error
                            abortOn = java.io.UncheckedIOException.class)
                    public String a() { return "a"; }
                }
                """));
        assertError("Ward/ExceptionListOverlap", "@Fallback on a(): applyOn's java.lang.IllegalStateException is a "
                + "java.lang.RuntimeException, which skipOn lists; skipOn wins, so it is never answered by the "
                + "fallback", handlers("""
                public class Handlers {
                    @Get("/a")
                    @Fallback(method = "b", applyOn = IllegalStateException.class, // <- error
                            skipOn = RuntimeException.class)
                    public String a() { return "a"; }
                    public String b() { return "b"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a")
                    @Retry(retryOn = RuntimeException.class, abortOn = IllegalArgumentException.class)
                    @Fallback(method = "b", applyOn = RuntimeException.class, skipOn = IllegalStateException.class)
                    public String a() { return "a"; }
                    public String b() { return "b"; }
                }
                """));
    }

    @Test
    void emptyExceptionList() {
        assertError("Ward/EmptyExceptionList", "@Retry(retryOn = {}) on a() retries no failure", handlers("""
                public class Handlers {
                    @Get("/a") @Retry(retryOn = {}) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertError("Ward/EmptyExceptionList", "@Fallback(applyOn = {}) on a() applies on no failure", handlers("""
                public class Handlers {
                    @Get("/a") @Fallback(method = "b", applyOn = {}) // <- error
                    public String a() { return "a"; }
                    public String b() { return "b"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @Retry @Fallback(method = "b", applyOn = RuntimeException.class)
                    public String a() { return "a"; }
                    public String b() { return "b"; }
                }
                """));
    }

    @Test
    void retryOnAMethodThatIsNotARoute() {
        assertError("Ward/MiddlewareWithoutRoute", "@Retry is on helper(), which is not a route", handlers("""
                public class Handlers {
                    @Get("/a") public String a() { return helper(); }
                    @Retry public String helper() { return "a"; } // <- error
                }
                """));
    }
}
