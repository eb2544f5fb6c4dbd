package dev.ward.processor;

import static dev.ward.processor.Compile.assertCompiles;
import static dev.ward.processor.Compile.assertError;
import static dev.ward.processor.Compile.compile;
import static dev.ward.processor.Compile.handlers;
import static dev.ward.processor.Compile.source;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Rules about {@code @CircuitBreaker}, {@code @RateLimit} and {@code @AdaptiveConcurrency}. */
class FaultToleranceRulesTest {

    @Test
    void circuitBreakerRatio() {
        assertError("Ward/CircuitBreakerRatio", "@CircuitBreaker(failureRatio = 0.0) on Handlers.a() is not a share",
                handlers("""
                public class Handlers {
                    @Get("/a") @CircuitBreaker(failureRatio = 0) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertError("Ward/CircuitBreakerRatio", "failureRatio = 1.5", handlers("""
                public class Handlers {
                    @Get("/a") @CircuitBreaker(failureRatio = 1.5) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @CircuitBreaker(failureRatio = 1) public String a() { return "a"; }
                    @Get("/b") @CircuitBreaker(failureRatio = 0.01) public String b() { return "b"; }
                }
                """));
    }

    @Test
    void circuitBreakerWindow() {
        assertError("Ward/CircuitBreakerWindow", "has minimumCalls = 30 and window = 20; the window never holds that "
                + "many requests", handlers("""
                public class Handlers {
                    @Get("/a") @CircuitBreaker(minimumCalls = 30) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertError("Ward/CircuitBreakerWindow", "has minimumCalls = 0", handlers("""
                public class Handlers {
                    @Get("/a") @CircuitBreaker(window = 5, minimumCalls = 0) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertError("Ward/CircuitBreakerWindow", "has window = 20000; the window counts the latest 1..10000",
                handlers("""
                public class Handlers {
                    @Get("/a") @CircuitBreaker(window = 20000) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @CircuitBreaker(window = 10, minimumCalls = 10) public String a() { return "a"; }
                    @Get("/b") @CircuitBreaker(window = 1, minimumCalls = 1) public String b() { return "b"; }
                    @Get("/c") @CircuitBreaker(window = 10000) public String c() { return "c"; }
                }
                """));
    }

    @Test
    void circuitBreakerOpenFor() {
        assertError("Ward/CircuitBreakerOpenFor", "@CircuitBreaker(openFor = 0) on Handlers.a() would never stay open",
                handlers("""
                public class Handlers {
                    @Get("/a") @CircuitBreaker(openFor = 0) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @CircuitBreaker(openFor = 1) public String a() { return "a"; }
                }
                """));
    }

    @Test
    void circuitBreakerHalfOpenCalls() {
        assertError("Ward/CircuitBreakerHalfOpenCalls", "lets no probe through, so the breaker could never close",
                handlers("""
                public class Handlers {
                    @Get("/a") @CircuitBreaker(halfOpenCalls = 0) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @CircuitBreaker(halfOpenCalls = 1) public String a() { return "a"; }
                }
                """));
    }

    @Test
    void circuitBreakerShared() {
        Compilation compilation = assertError("Ward/CircuitBreakerShared", "@CircuitBreaker(name = \"payments\") on "
                + "Handlers.b() declares failureRatio = 0.5, window = 20, minimumCalls = 10, openFor = 9000, "
                + "halfOpenCalls = 3, but Handlers.a() shares it with failureRatio = 0.5, window = 20, minimumCalls = "
                + "10, openFor = 5000", handlers("""
                public class Handlers {
                    @Get("/a") @CircuitBreaker(name = "payments") public String a() { return "a"; }
                    @Get("/b") @CircuitBreaker(name = "payments", openFor = 9000) // <- error
                    public String b() { return "b"; }
                }
                """));
        assertThat(compilation).hadErrorCount(1);
        // Across classes of one compilation too.
        JavaFileObject other = source("test.Other", """
                package test;
                import dev.ward.*;
                public class Other {
                    @Get("/o") @CircuitBreaker(name = "payments", halfOpenCalls = 1) public String o() { return "o"; }
                }
                """);
        assertThat(compile(handlers("""
                public class Handlers {
                    @Get("/a") @CircuitBreaker(name = "payments") public String a() { return "a"; }
                }
                """), other)).hadErrorContaining("[Ward/CircuitBreakerShared]");
        // The same name with the same parameters, and unnamed breakers with different ones, are fine.
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @CircuitBreaker(name = "payments", openFor = 9000) public String a() { return "a"; }
                    @Get("/b") @CircuitBreaker(openFor = 9000, name = "payments") public String b() { return "b"; }
                    @Get("/c") @CircuitBreaker(openFor = 1) public String c() { return "c"; }
                    @Get("/d") @CircuitBreaker(openFor = 2) public String d() { return "d"; }
                }
                """));
    }

    @Test
    void circuitBreakerOnANonBlockingRouteIsFine() {
        // Decided: the breaker acts on the I/O thread before dispatch and records at completion, so an I/O-thread
        // route (an async call to a dependency, typically) is as well protected as any other.
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @NonBlocking @CircuitBreaker @RateLimit(permits = 5) @AdaptiveConcurrency
                    public CompletionStage<String> a() { return CompletableFuture.completedFuture("a"); }
                }
                """));
    }

    @Test
    void rateLimitPermits() {
        assertError("Ward/RateLimitPermits", "@RateLimit on Handlers.a() has permits = 0, so it would refuse every",
                handlers("""
                public class Handlers {
                    @Get("/a") @RateLimit(permits = 0) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertError("Ward/RateLimitPermits", "has per = 0; the period permits refill over must be positive",
                handlers("""
                public class Handlers {
                    @Get("/a") @RateLimit(permits = 10, per = 0) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertError("Ward/RateLimitPermits", "has per = 31708800001; the period permits refill over must be at most "
                + "a year (31622400000 ms)", handlers("""
                public class Handlers {
                    @Get("/a") @RateLimit(permits = 10, per = 31_708_800_001L) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @RateLimit(permits = 1, per = 1) public String a() { return "a"; }
                    @Get("/b") @RateLimit(permits = 1000, per = 31_622_400_000L, burst = Integer.MAX_VALUE)
                    public String b() { return "b"; }
                }
                """));
    }

    @Test
    void rateLimitBurst() {
        assertError("Ward/RateLimitBurst", "@RateLimit(burst = -1) on Handlers.a() is negative", handlers("""
                public class Handlers {
                    @Get("/a") @RateLimit(permits = 10, burst = -1) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @RateLimit(permits = 10, burst = 0) public String a() { return "a"; }
                }
                """));
    }

    @Test
    void rateLimitKey() {
        assertError("Ward/RateLimitKey", "keys buckets by X-Api-Key but keeps at most 0 keys", handlers("""
                public class Handlers {
                    @Get("/a") @RateLimit(permits = 10, keyHeader = "X-Api-Key", maxKeys = 0) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertError("Ward/RateLimitKey", "sets maxKeys = 500 but no keyHeader, so there is one bucket", handlers("""
                public class Handlers {
                    @Get("/a") @RateLimit(permits = 10, maxKeys = 500) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertError("Ward/RateLimitKey", "has keyHeader = \"X-Api-Key: \", which is not a header name", handlers("""
                public class Handlers {
                    @Get("/a") @RateLimit(permits = 10, keyHeader = "X-Api-Key: ") // <- error
                    public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @RateLimit(permits = 10, keyHeader = "X-Api-Key", maxKeys = 1) public String a() {
                        return "a";
                    }
                    @Get("/b") @RateLimit(permits = 10, keyHeader = "X-Tenant") public String b() { return "b"; }
                }
                """));
    }

    @Test
    void adaptiveConcurrencyBounds() {
        assertError("Ward/AdaptiveConcurrencyBounds", "@AdaptiveConcurrency(initial = 20, min = 0, max = 200) on "
                + "Handlers.a() lets the limit fall below 1", handlers("""
                public class Handlers {
                    @Get("/a") @AdaptiveConcurrency(min = 0) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertError("Ward/AdaptiveConcurrencyBounds", "has max below min", handlers("""
                public class Handlers {
                    @Get("/a") @AdaptiveConcurrency(initial = 5, min = 5, max = 4) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertError("Ward/AdaptiveConcurrencyBounds", "starts outside [min, max]", handlers("""
                public class Handlers {
                    @Get("/a") @AdaptiveConcurrency(initial = 300) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") @AdaptiveConcurrency(initial = 1, min = 1, max = 1) public String a() { return "a"; }
                }
                """));
    }

    @Test
    void faultToleranceOnAMethodThatIsNotARoute() {
        assertError("Ward/MiddlewareWithoutRoute", "@RateLimit is on helper(), which is not a route", handlers("""
                public class Handlers {
                    @Get("/a") public String a() { return helper(); }
                    @RateLimit(permits = 1) // <- error
                    public String helper() { return "a"; }
                }
                """));
    }
}
