package dev.ward.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.undertow.WardServer;
import dev.ward.undertow.internal.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Requests generated from the contract, against routes compiled by Ward's processor: clean ones pass, each planted
 * defect fails with the operation, the request and the JSON path. The test class path holds one document for all
 * fixtures, so each test scopes the run to its routes.
 */
@WardTest(serverPerTest = true) // the requests change state: each test its own server
class WardContractTest {
    private WardClient client;

    @WardServerSetup
    static WardServer.Builder server() {
        return WardServer.builder().routes(new KitHandlersRoutes(new KitHandlers()),
                new DefectHandlersRoutes(new DefectHandlers()));
    }

    private static WardContract.Options under(String prefix) {
        return WardContract.Options.defaults().seed(42).operations(op -> op.template().startsWith(prefix));
    }

    private String failure(String template) {
        return assertThrows(AssertionError.class, () -> WardContract.verify(client, under(template))).getMessage();
    }

    @Test
    void cleanRoutesPass() {
        WardContract.Run run;
        try (LogCapture log = new LogCapture("dev.ward.testing")) {
            run = WardContract.run(client, under("/kits"));
            assertEquals(1, log.mentioning("WardContract: seed 42 for 4 operations (replay with "
                    + "-Dward.contract.seed=42)").size());
        }
        assertEquals(List.of(), run.failures());
        // Every operation got valid and invalid requests, within the default bound.
        for (String operation : List.of("POST /kits", "GET /kits/{name}", "GET /kits/count/{from}",
                "PUT /kits/notes/{name}")) {
            List<Probe> sent = run.sent.stream().filter(p -> p.operation().name().startsWith(operation + " ")).toList();
            assertTrue(sent.stream().anyMatch(Probe::valid), operation);
            assertTrue(sent.stream().anyMatch(p -> !p.valid()), operation);
            assertTrue(sent.size() <= WardContract.Options.DEFAULT_MAX_REQUESTS_PER_OPERATION, operation);
        }
    }

    @Test
    void theRequestsCoverBoundariesEnumsAndDefects() {
        List<String> sent = WardContract.run(client, under("/kits")).sent.stream().map(p -> p.shown("")).toList();
        String all = "\n" + String.join("\n\n", sent) + "\n\n";
        // Boundaries, every enum constant, optional parts absent; then one defect each (every part of request 0).
        for (String expected : List.of("GET /kits/count/2147483647?to=9223372036854775807&boxed=",
                "GET /kits/count/-2147483648?to=-9223372036854775808&boxed=",
                "GET /kits/count/0?to=0&boxed=true&label=\n\n", "&label=Ward%20%E2%9C%93%20%C3%A9%20%22quoted%22",
                "GET /kits/a?size=SMALL\n\n", "?size=LARGE\n\n", "GET /kits/a\n\n",
                "GET /kits/a?size=NO_SUCH_VALUE\n\n", "GET /kits/count/x?to=0&boxed=true&label=\n",
                "GET /kits/count/2147483648?to=0&boxed=true&label=\n", "GET /kits/count/0?boxed=true&label=\n",
                "GET /kits/count/0?to=0&boxed=x&label=\n", "GET /kits/count/0?to=0&boxed=true\nX-Trace:",
                "X-Trace: x\n\n",
                "PUT /kits/notes/a\nContent-Type: text/plain; charset=x-no-such-charset\n")) {
            assertTrue(all.contains(expected), expected + " in " + all);
        }
        String posts = String.join("\n", sent.stream().filter(s -> s.startsWith("POST /kits\n")).toList()) + "\n";
        for (String body : List.of("{\"name\":\"\",\"parts\":[],\"serial\":0,\"boxed\":true}\n",
                "\"size\":\"LARGE\"", "\"count\":2147483648", "\"size\":\"NO_SUCH_VALUE\"", "\"name\":{}",
                "\"boxed\":\"x\"", "Content-Type: text/plain; charset=UTF-8\n{", "{\"parts\":[")) {
            assertTrue(posts.contains(body), body + " in " + posts);
        }
    }

    @Test
    void theSameSeedSendsTheSameRequests() {
        List<String> first = WardContract.run(client, under("/kits")).sent.stream().map(p -> p.shown("")).toList();
        List<String> second = WardContract.run(client, under("/kits")).sent.stream().map(p -> p.shown("")).toList();
        assertEquals(first, second);
        List<String> other = WardContract.run(client, under("/kits").seed(43)).sent.stream()
                .map(p -> p.shown("")).toList();
        assertTrue(!first.equals(other), "another seed draws other values");
    }

    @Test
    void aRouteThatFailsOnAnEdgeValueIsCaught() {
        String message;
        try (LogCapture log = new LogCapture()) {
            message = failure("/defects/edge");
            assertEquals(1, log.mentioning("route GET /defects/edge/{count} failed with "
                    + "java.lang.IllegalStateException").size(), "the route's failure logged");
        }
        assertTrue(message.startsWith("WardContract.verify: 1 failure in "), message);
        assertTrue(message.contains(" requests to 1 operations; replay with -Dward.contract.seed=42 or "
                + "Options.seed(42L)\n1. GET /defects/edge/{count} (operationId edge), a valid request"), message);
        assertTrue(message.contains("\n     GET /defects/edge/2147483647\n     answered 500 application/problem+json"),
                message);
        assertTrue(message.contains("a 500: Ward's answer to a failure of the route, a bug whether declared or not"),
                message);
    }

    @Test
    void aResponseMissingARequiredPropertyIsCaught() {
        String message = failure("/defects/parts");
        assertTrue(message.contains("\n1. POST /defects/parts (operationId part), a valid request, every optional "
                + "part present:\n     POST /defects/parts\n     Content-Type: application/json\n     {\"name\":\"\","
                + "\"count\":0,\"size\":\"SMALL\"}\n     POST /defects/parts (operationId part): /defects/parts "
                + "answered 200 with a body that breaks the contract:\n       $.name: required, but missing\n"
                + "     Body: {\"count\":0}"), message);
    }

    @Test
    void anUndeclaredStatusIsCaught() {
        String message = failure("/defects/status");
        assertTrue(message.contains("\n1. GET /defects/status (operationId status), a valid request, every optional "
                + "part present:\n     GET /defects/status\n     GET /defects/status (operationId status): "
                + "/defects/status answered 202, a status the contract does not declare; it declares 200, 500, 503."),
                message);
    }

    @Test
    void theRunIsBoundedInRequestsAndTime() {
        WardContract.Run few = WardContract.run(client, under("/kits").maxRequestsPerOperation(4));
        assertEquals(16, few.sent.size(), "4 operations, 4 requests each");
        assertEquals(Map.of("POST /kits", 2L, "GET /kits/{name}", 1L, "GET /kits/count/{from}", 2L,
                "PUT /kits/notes/{name}", 2L), few.sent.stream().filter(p -> !p.valid()).collect(Collectors.groupingBy(
                        p -> p.operation().method() + " " + p.operation().template(), Collectors.counting())),
                "invalid ones at most half; the enum query parameter has one");
        try (LogCapture log = new LogCapture("dev.ward.testing")) {
            WardContract.Run none = WardContract.run(client, under("/kits").timeBudget(Duration.ofNanos(1)));
            assertEquals(List.of(), none.sent);
            assertEquals(1, log.mentioning("WardContract: the time budget of PT0.000000001S ran out after 0 "
                    + "requests").size());
        }
    }

    @Test
    void aFilterMatchingNothingFails() {
        String message = failure("/nowhere");
        assertEquals("WardContract: no operation of the contract matches the options' filter", message);
    }
}
