package dev.ward.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.testing.WardClient;
import dev.ward.testing.WardResponse;
import dev.ward.testing.WardServerSetup;
import dev.ward.testing.WardTest;
import dev.ward.undertow.WardServer;
import org.junit.jupiter.api.Test;

/** @Recover and @Timeout as the processor generates them, class-level and method-level. */
@WardTest
class TimeoutAndRecoverTest {
    private static WardClient http;

    @WardServerSetup
    static WardServer.Builder server() {
        return WardServer.builder().routes(new TimeoutFixturesRoutes(new TimeoutFixtures()));
    }

    @Test
    void theClassDeadlineAppliesToEveryRoute() throws Exception {
        WardResponse response = http.get("/class-deadline");
        assertEquals(503, response.status());
        assertTrue(response.text().contains("deadline of 100 ms"), response.text());
    }

    @Test
    void aMethodsOwnTimeoutWinsOverTheClasses() throws Exception {
        WardResponse response = http.get("/own-deadline");
        assertEquals(200, response.status());
        assertEquals("finished with time to spare", response.text());
    }

    @Test
    void fallbacksAnswerWithTheRoutesArguments() throws Exception {
        assertEquals("cached apple", http.get("/fallback/apple").text());
        assertEquals("async cached", http.get("/async-fallback").text());
    }

    @Test
    void classLevelRecoverCoversEveryRoute() throws Exception {
        WardResponse response = http.get("/broken");
        assertEquals(500, response.status());
        assertFalse(response.text().contains("internal detail"));
        assertEquals("application/problem+json", response.contentType());
    }
}
