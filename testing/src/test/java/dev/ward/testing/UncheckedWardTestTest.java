package dev.ward.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.testing.WidgetHandlers.NewWidget;
import dev.ward.undertow.WardServer;
import org.junit.jupiter.api.RepeatedTest;

/** {@code contract = false} and {@code serverPerTest = true}: what the other test class's defaults are not. */
@WardTest(contract = false, serverPerTest = true)
class UncheckedWardTestTest {
    @WardServerSetup
    static WardServer server() {
        return WardServer.builder().port(0).routes(new WidgetHandlersRoutes(new WidgetHandlers())).build();
    }

    @RepeatedTest(2)
    void eachTestHasAFreshServerAndNoAnswerIsChecked(WardClient client) {
        // With one server for the class, the second repetition would find the widget the first one made.
        assertEquals(404, client.get("/widgets/cog").status());
        assertEquals(200, client.post("/widgets", new NewWidget("cog", 1)).status());
        assertEquals(418, client.get("/planted/teapot").status());
        assertEquals(200, client.get("/shelf").status());
    }
}
