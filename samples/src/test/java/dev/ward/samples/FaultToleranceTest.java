package dev.ward.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.testing.WardClient;
import dev.ward.testing.WardResponse;
import dev.ward.testing.WardServerSetup;
import dev.ward.testing.WardTest;
import dev.ward.undertow.WardServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** @Retry, @Fallback and @Idempotent as the processor generates them, over real HTTP. */
@WardTest
class FaultToleranceTest {
    private static final FaultToleranceFixtures AUTH = new FaultToleranceFixtures();
    private static final FaultToleranceFixtures.TokenCheck TOKENS = new FaultToleranceFixtures.TokenCheck();
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    private static WardClient http;

    @WardServerSetup
    static WardServer.Builder server() {
        return WardServer.builder().meterRegistry(METERS)
                .routes(new FaultToleranceFixturesRoutes(AUTH, TOKENS));
    }

    @BeforeEach
    void healthyAuthService() {
        AUTH.failuresLeft.set(0);
        AUTH.hangs.set(false);
        AUTH.calls.set(0);
        TOKENS.checks.set(0);
    }

    private static WardResponse roles() throws Exception {
        return http.send(http.request("/roles/ada").header("Authorization", "Bearer t"));
    }

    @Test
    void twoFailuresAreRetriedAndTheThirdCallAnswers() throws Exception {
        AUTH.failuresLeft.set(2);
        WardResponse response = roles();
        assertEquals(200, response.status());
        assertEquals("roles of ada after 3 calls", response.text());
        assertEquals(3, TOKENS.checks.get(), "each attempt ran the middleware, bindings and handler again");
    }

    @Test
    void anAuthServiceThatStaysDownGivesTheCachedRolesAfterTheRetries() throws Exception {
        AUTH.failuresLeft.set(100);
        WardResponse response = roles();
        assertEquals(200, response.status());
        assertEquals("cached roles of ada (UncheckedIOException)", response.text());
        assertEquals(3, AUTH.calls.get());
        // Counted as the exchange completes, which may be just after the client has its answer.
        for (int wait = 0; wait < 500 && METERS.find("ward.retries").tag("outcome", "exhausted").counter() == null;
             wait++) {
            Thread.sleep(10);
        }
        assertEquals(1, METERS.get("ward.retries").tag("outcome", "exhausted").counter().count());
    }

    @Test
    void aHangingAuthServiceGivesTheCachedRolesAtTheDeadline() throws Exception {
        AUTH.hangs.set(true);
        WardResponse response = roles();
        assertEquals(200, response.status());
        assertEquals("cached roles of ada (TimeoutException)", response.text());
    }

    @Test
    void aMissingHeaderIsTheClients400AndNeverReachesTheServiceOrTheFallback() throws Exception {
        WardResponse response = http.get("/roles/ada");
        assertEquals(400, response.status());
        assertTrue(response.text().contains("header 'Authorization' is required"), response.text());
        assertEquals(0, AUTH.calls.get());
    }

    @Test
    void anOpenBreakerAnswersWithTheFallbackWithoutCallingTheService() throws Exception {
        AUTH.ratesDown.set(true);
        assertEquals(502, http.get("/rates/EUR").status());
        assertEquals(502, http.get("/rates/EUR").status());
        // The outcomes are recorded as the exchanges complete, which may be just after the client has its answer.
        for (int wait = 0; wait < 500 && METERS.get("ward.circuitbreaker.state").tag("breaker", "GET /rates/{currency}")
                .gauge().value() != 1; wait++) {
            Thread.sleep(10);
        }
        AUTH.ratesDown.set(false);
        WardResponse response = http.get("/rates/USD");
        assertEquals(200, response.status(), response::text);
        assertEquals("1.07 USD (cached: the circuit breaker GET /rates/{currency} is open, probes in 60 s)",
                response.text());
        assertEquals(2, AUTH.rateCalls.get(), "the open breaker kept the call from the service");
        assertEquals(1, METERS.get("ward.fallbacks").tag("exception", "CircuitBreakerOpenException").counter()
                .count());
        assertEquals(null, METERS.find("ward.retries.attempts").tag("route", "GET /rates/{currency}").counter(),
                "neither a 502 the route returned nor the refusal was retried");
    }

    @Test
    void anIdempotentPostIsRetried() throws Exception {
        AUTH.failuresLeft.set(1);
        WardResponse response = http.send(http.request("/orders/7/confirm")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, response.status());
        assertEquals("confirmed 7 after 2 calls", response.text());
    }
}
