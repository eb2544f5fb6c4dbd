package dev.ward.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.undertow.WardServer;
import dev.ward.undertow.internal.LogCapture;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Faults on demand over real HTTP, against routes compiled by Ward's processor: each fault strikes after the
 * route's method ran, for as many calls as armed, and every step of the chain (recover, deadline, fallback, retry)
 * treats it as the method's own failure. One server for the class: the faults are cleared before each test.
 */
@WardTest
class FaultsTest {
    private static final DepotHandlers DEPOT = new DepotHandlers();
    private static final SimpleMeterRegistry METRICS = new SimpleMeterRegistry();

    private Faults faults;

    @WardServerSetup
    static WardServer.Builder server() {
        return WardServer.builder().meterRegistry(METRICS).routes(new DepotHandlersRoutes(DEPOT));
    }

    private static double count(String name, String route, String... tags) {
        Counter counter = METRICS.find(name).tag("route", route).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aThrownFaultFailsTheNextCallsAfterTheMethodRanThenTheRouteIsNormalAgain(WardClient client) {
        IllegalStateException boom = new IllegalStateException("warehouse unreachable");
        Fault fault = faults.on("GET", "/stock/{sku}").throwing(boom).times(2);
        assertEquals(2, fault.remaining());
        List<LogRecord> logged;
        try (LogCapture logs = new LogCapture()) {
            for (int call = 0; call < 2; call++) {
                WardResponse failed = client.get("/stock/bolt");
                assertEquals(500, failed.status());
                assertEquals(failed.requestId(), failed.problem().requestId());
                assertTrue(!failed.text().contains("warehouse"), "no failure text on the wire: " + failed.text());
            }
            logged = logs.mentioning("route GET /stock/{sku} failed");
        }
        assertEquals("bolt: 12", client.get("/stock/bolt").text());
        assertEquals(3, DEPOT.calls("stock"), "the method ran each time; the fault struck its answer");
        assertEquals(2, faults.injected("GET", "/stock/{sku}"));
        assertEquals(0, fault.remaining());
        assertEquals(2, count("ward.failures.recovered", "GET /stock/{sku}", "exception", "IllegalStateException"));
        assertEquals(2, logged.size(), logged::toString);
        assertTrue(logged.stream().allMatch(line -> line.getLevel() == Level.SEVERE && line.getThrown() == boom));
    }

    @Test
    void aStallPastTheDeadlineGetsTheDeadlinesAnswer(WardClient client) throws InterruptedException {
        faults.on("GET", "/quote").stalling(Duration.ofSeconds(10));
        WardResponse late = client.get("/quote");
        assertEquals(503, late.status());
        assertEquals("the request did not complete within its deadline of 200 ms.", late.problem().detail());
        assertEquals(1, count("ward.timeouts", "GET /quote"));
        // The deadline interrupted the stalled worker, whose answer is then refused: well before the 10 s stall.
        awaitCount("ward.late.completions", "GET /quote", 1);
        assertEquals("42", client.get("/quote").text());
    }

    @Test
    void aStallPastTheDeadlineOfARouteWithAFallbackGetsTheFallback(WardClient client) {
        faults.on("GET", "/price").stalling(Duration.ofSeconds(10));
        WardResponse fallback = client.get("/price");
        assertEquals(200, fallback.status());
        assertEquals("6 (cached)", fallback.text());
        assertEquals(1, count("ward.timeouts", "GET /price"));
        assertEquals("7", client.get("/price").text());
    }

    @Test
    void aStallWithinTheDeadlineOnlyDelaysTheAnswer(WardClient client) {
        faults.on("GET", "/quote").stalling(Duration.ofMillis(20));
        assertEquals("42", client.get("/quote").text());
        assertEquals(1, faults.injected("GET", "/quote"));
    }

    @Test
    void aRetryRunsTheMethodAgainUntilTheFaultIsUsedUp(WardClient client) throws InterruptedException {
        faults.on("GET", "/track").throwing(new IOException("carrier timed out")).times(2);
        assertEquals("on its way", client.get("/track").text());
        assertEquals(3, DEPOT.calls("track"));
        assertEquals(2, faults.injected("GET", "/track"));
        assertEquals(2, count("ward.retries.attempts", "GET /track"));
        awaitCount("ward.retries", "GET /track", 1, "outcome", "succeeded");
    }

    @Test
    void aCheckedFailureReachesTheFallbackThatAppliesOnIt(WardClient client) {
        faults.on("GET", "/label").throwing(new IOException("printer jammed"));
        assertEquals("blank label after printer jammed", client.get("/label").text());
        assertEquals(1, count("ward.fallbacks", "GET /label", "exception", "IOException"));
        assertEquals("label 1", client.get("/label").text());
    }

    @Test
    void anAnsweredStatusIsTheRoutesProblem(WardClient client) {
        faults.on("GET", "/stock/{sku}").answering(503).times(2);
        for (int call = 0; call < 2; call++) {
            WardResponse unavailable = client.get("/stock/nut");
            Problem problem = unavailable.problem();
            assertEquals(503, problem.status());
            assertEquals("fault injected by ward-testing: GET /stock/{sku} answers 503", problem.detail());
            assertEquals(unavailable.requestId(), problem.requestId());
        }
        assertEquals("nut: 12", client.get("/stock/nut").text());
        assertEquals(2, faults.injected("GET", "/stock/{sku}"));
        assertThrows(IllegalArgumentException.class, () -> faults.on("GET", "/quote").answering(404));
    }

    @Test
    void aRequestRefusedBeforeTheMethodRanNeitherGetsNorUsesUpAFault(WardClient client) {
        Fault fault = faults.on("GET", "/rack/{row}").throwing(new IllegalStateException("rack collapsed"));
        assertEquals(400, client.get("/rack/top").status());
        assertEquals(1, fault.remaining());
        assertEquals(0, fault.injected());
        assertEquals(0, DEPOT.calls("rack"));
        try (LogCapture logs = new LogCapture()) {
            assertEquals(500, client.get("/rack/3").status());
            assertEquals(1, logs.mentioning("route GET /rack/{row} failed").size(), logs.records::toString);
        }
        assertEquals(1, fault.injected());
        assertEquals(1, DEPOT.calls("rack"));
    }

    @Test
    void anUnknownRouteIsRefusedWithTheRoutesTheServerHas() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> faults.on("POST", "/stock/{sku}"));
        assertEquals("the server has no route POST /stock/{sku}; its routes: GET /label, GET /ping, GET /price, "
                + "GET /quote, GET /rack/{row}, GET /stock/{sku}, GET /track", unknown.getMessage());
        IllegalArgumentException nonBlocking = assertThrows(IllegalArgumentException.class,
                () -> faults.on("GET", "/ping").stalling(Duration.ofSeconds(1)));
        assertEquals("GET /ping is @NonBlocking: it answers on an I/O thread, where a stall would hold every "
                + "connection of that thread; stall a route that runs on a worker", nonBlocking.getMessage());
        IllegalStateException unarmed = assertThrows(IllegalStateException.class,
                () -> faults.on("GET", "/ping").times(3));
        assertTrue(unarmed.getMessage().startsWith("nothing is armed on GET /ping"), unarmed.getMessage());
    }

    /** The second repetition fails if the first one's fault, armed and never used, outlived its test. */
    @RepeatedTest(2)
    void aFaultArmedInOneTestNeverStrikesTheNext(WardClient client, Faults parameter) {
        assertTrue(parameter == faults, "the parameter and the field are the server's faults");
        assertEquals(0, faults.injected("GET", "/ping"));
        assertEquals("pong", client.get("/ping").text());
        faults.on("GET", "/ping").throwing(new IllegalStateException("left armed"));
    }

    @Test
    void aServerATestBuildsItselfHasFaultsWhileItRuns() {
        WardServer own = WardServer.builder().port(0).routes(new DepotHandlersRoutes(new DepotHandlers())).build();
        assertThrows(IllegalStateException.class, () -> Faults.of(own), "not started: no faults yet");
        try (WardServer started = own.start()) {
            Faults ownFaults = Faults.of(started);
            assertTrue(ownFaults != faults, "each server has its own");
            ownFaults.on("GET", "/ping").answering(500);
            assertEquals(500, WardClient.of(started, true).get("/ping").status());
            assertEquals(0, faults.injected("GET", "/ping"), "the class's server is untouched");
        }
        assertThrows(IllegalStateException.class, () -> Faults.of(own), "stopped: no faults any more");
    }

    private static void awaitCount(String name, String route, double expected, String... tags)
            throws InterruptedException {
        // Counted as the exchange completes or the stalled worker wakes, a moment after the client has its answer.
        for (int i = 0; i < 1000 && count(name, route, tags) < expected; i++) {
            Thread.sleep(10);
        }
        assertEquals(expected, count(name, route, tags), name);
    }
}
