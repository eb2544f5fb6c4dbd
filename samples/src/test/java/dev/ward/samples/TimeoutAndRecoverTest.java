package dev.ward.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.undertow.WardServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** @Recover and @Timeout as the processor generates them, class-level and method-level. */
class TimeoutAndRecoverTest {
    private static Http http;

    @BeforeAll
    static void start() {
        http = new Http(WardServer.builder().port(0).routes(new TimeoutFixturesRoutes(new TimeoutFixtures())).build());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void theClassDeadlineAppliesToEveryRoute() throws Exception {
        HttpResponse<String> response = http.get("/class-deadline");
        assertEquals(503, response.statusCode());
        assertTrue(response.body().contains("deadline of 100 ms"), response.body());
    }

    @Test
    void aMethodsOwnTimeoutWinsOverTheClasses() throws Exception {
        HttpResponse<String> response = http.get("/own-deadline");
        assertEquals(200, response.statusCode());
        assertEquals("finished with time to spare", response.body());
    }

    @Test
    void fallbacksAnswerWithTheRoutesArguments() throws Exception {
        assertEquals("cached apple", http.get("/fallback/apple").body());
        assertEquals("async cached", http.get("/async-fallback").body());
    }

    @Test
    void classLevelRecoverCoversEveryRoute() throws Exception {
        HttpResponse<String> response = http.get("/broken");
        assertEquals(500, response.statusCode());
        assertFalse(response.body().contains("internal detail"));
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
    }
}
