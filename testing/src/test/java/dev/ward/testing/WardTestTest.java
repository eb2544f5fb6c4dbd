package dev.ward.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.testing.WidgetHandlers.Colour;
import dev.ward.testing.WidgetHandlers.NewWidget;
import dev.ward.testing.WidgetHandlers.Widget;
import dev.ward.undertow.WardServer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The extension and the contract-checked client over real HTTP, against the processor's own document. */
@WardTest
class WardTestTest {
    private WardClient field;

    @WardServerSetup
    static WardServer.Builder server() {
        return WardServer.builder().routes(new WidgetHandlersRoutes(new WidgetHandlers()));
    }

    private static String violation(Runnable request) {
        return assertThrows(AssertionError.class, request::run).getMessage();
    }

    @Test
    void aCorrectAnswerPassesAndDecodesIntoTheRecord(WardClient client) {
        WardResponse made = client.post("/widgets", new NewWidget("cog", 4));
        assertEquals(200, made.status(), made.text());
        assertEquals(new Widget("cog", 4, Colour.RED, Optional.of("new")), made.as(Widget.class));
        assertEquals("application/json", made.contentType());
        WardResponse read = client.get("/widgets/cog");
        assertEquals("{\"name\":\"cog\",\"count\":4,\"colour\":\"RED\",\"note\":\"new\"}", read.text());
        assertEquals(200, client.get("/planted/none").status());
    }

    @Test
    void theFieldAndTheParameterAreOneClientOfTheStartedServer(WardClient client) {
        assertEquals(client.port(), field.port());
        assertTrue(client.port() > 0);
    }

    @Test
    void aProblemDecodesWithItsRequestId(WardClient client) {
        WardResponse missing = client.get("/widgets/none");
        Problem problem = missing.problem();
        assertEquals(new Problem("about:blank", "Not Found", 404, "nothing was found here", null,
                missing.requestId()), problem);
        assertEquals(problem.requestId(), missing.header("X-Request-Id").orElseThrow());
        String notAProblem = violation(() -> client.get("/planted/none").problem());
        assertTrue(notAProblem.startsWith("GET /planted/none answered 200 with Content-Type 'application/json', "
                + "not application/problem+json"), notAProblem);
    }

    @Test
    void aMissingRequiredPropertyIsCaughtWithOperationAndPath(WardClient client) {
        String message = violation(() -> client.get("/shelf"));
        assertTrue(message.startsWith("GET /shelf (operationId shelf): /shelf answered 200 with a body that breaks "
                + "the contract:\n  $[1].name: required, but missing\nBody: [{\"name\":\"bolt\""), message);
    }

    @Test
    void aWrongTypeIsCaught(WardClient client) {
        String message = violation(() -> client.get("/planted/wrong-type"));
        assertTrue(message.startsWith("GET /planted/{defect} (operationId planted): /planted/wrong-type answered 200"
                + " with a body that breaks the contract:\n  $.count: expected integer (int32), got \"one\"\n"),
                message);
    }

    @Test
    void anUndeclaredEnumValueIsCaught(WardClient client) {
        String message = violation(() -> client.get("/planted/unknown-colour"));
        assertTrue(message.contains("\n  $.colour: expected one of [RED, GREEN], got \"BLUE\"\n"), message);
    }

    @Test
    void anUndeclaredStatusIsCaught(WardClient client) {
        String message = violation(() -> client.get("/planted/teapot"));
        assertEquals("GET /planted/{defect} (operationId planted): /planted/teapot answered 418, a status the "
                + "contract does not declare; it declares 200, 500, 503.", message);
    }

    @Test
    void anyStatusMatchesAnOperationThatDeclaresADefaultAnswer(WardClient client) {
        assertEquals(418, client.get("/free/418").status());
    }

    @Test
    void anUndeclaredContentTypeIsCaught(WardClient client) {
        String message = violation(() -> client.get("/planted/text"));
        assertEquals("GET /planted/{defect} (operationId planted): /planted/text answered 200 with Content-Type "
                + "'text/plain; charset=UTF-8', but the contract declares application/json for 200", message);
    }

    @Test
    void oneRequestCanGoUnchecked(WardClient client) {
        assertEquals(418, client.withoutContract().get("/planted/teapot").status());
        assertThrows(AssertionError.class, () -> client.get("/planted/teapot"), "the client itself still checks");
    }

    @Test
    void aPathTheContractDoesNotDescribeIsNotChecked(WardClient client) {
        // The router's 404 for an unknown path is no operation's answer.
        assertEquals(404, client.get("/nowhere").status());
    }
}
