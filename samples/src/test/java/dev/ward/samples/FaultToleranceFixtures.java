package dev.ward.samples;

import dev.ward.CircuitBreaker;
import dev.ward.CircuitBreakerOpenException;
import dev.ward.Fallback;
import dev.ward.Get;
import dev.ward.Header;
import dev.ward.Idempotent;
import dev.ward.Middleware;
import dev.ward.PathParam;
import dev.ward.Post;
import dev.ward.Recover;
import dev.ward.Response;
import dev.ward.Retry;
import dev.ward.Timeout;
import dev.ward.Use;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The seed case through generated code: roles come from an auth service that fails now and then (retried),
 * stays down (cached roles), or hangs (the deadline, then cached roles too). The test steers the "service".
 */
@Recover
public class FaultToleranceFixtures {
    /** Checks the caller's token before each attempt: a retry runs the route's middleware again, too. */
    @Middleware
    public static final class TokenCheck {
        final AtomicInteger checks = new AtomicInteger();

        public void check(@Header("Authorization") String token) {
            checks.incrementAndGet();
        }
    }

    /** How many more calls of the auth service fail. */
    final AtomicInteger failuresLeft = new AtomicInteger();
    /** Whether the auth service hangs instead of answering. */
    final AtomicBoolean hangs = new AtomicBoolean();
    final AtomicInteger calls = new AtomicInteger();

    @Get("/roles/{user}")
    @Use(TokenCheck.class)
    @Timeout(500)
    @Retry(maxAttempts = 3, delay = 10, maxDelay = 50, retryOn = UncheckedIOException.class)
    @Fallback(method = "cachedRoles", applyOn = {UncheckedIOException.class, TimeoutException.class})
    public String roles(@PathParam("user") String user, @Header("Authorization") String token)
            throws InterruptedException {
        return askAuthService("roles of " + user);
    }

    public String cachedRoles(String user, String token, Exception failure) {
        return "cached roles of " + user + " (" + failure.getClass().getSimpleName() + ")";
    }

    @Post("/orders/{id}/confirm")
    @Idempotent(reason = "confirming a confirmed order changes nothing")
    @Retry(retryOn = UncheckedIOException.class, delay = 5)
    public String confirm(@PathParam("id") String id) throws InterruptedException {
        return askAuthService("confirmed " + id);
    }

    /** Whether the rates service answers 502. */
    final AtomicBoolean ratesDown = new AtomicBoolean();
    final AtomicInteger rateCalls = new AtomicInteger();

    /**
     * Two 502s open the breaker; then the cached rate answers instead of its 503, without calling the service.
     * Retried on every exception (the default), which would cover the breaker's refusal: it must not be retried.
     */
    @Get("/rates/{currency}")
    @Retry(maxAttempts = 2, delay = 1)
    @CircuitBreaker(failureRatio = 1.0, window = 2, minimumCalls = 2, openFor = 60_000, halfOpenCalls = 1)
    @Fallback(method = "cachedRate", applyOn = CircuitBreakerOpenException.class)
    public Response rate(@PathParam("currency") String currency) {
        rateCalls.incrementAndGet();
        return ratesDown.get() ? Response.status(502) : Response.ok("1.08 " + currency);
    }

    public Response cachedRate(String currency, CircuitBreakerOpenException open) {
        return Response.ok("1.07 " + currency + " (cached: " + open.getMessage() + ", probes in "
                + open.retryAfter().toSeconds() + " s)");
    }

    private String askAuthService(String answer) throws InterruptedException {
        int call = calls.incrementAndGet();
        if (hangs.get()) {
            Thread.sleep(10_000);
        }
        if (failuresLeft.getAndDecrement() > 0) {
            throw new UncheckedIOException(new IOException("the auth service answered 503 to call " + call));
        }
        return answer + " after " + call + " calls";
    }
}
