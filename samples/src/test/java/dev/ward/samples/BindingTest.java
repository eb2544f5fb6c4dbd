package dev.ward.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.testing.WardClient;
import dev.ward.testing.WardResponse;
import dev.ward.testing.WardServerSetup;
import dev.ward.testing.WardTest;
import dev.ward.undertow.WardServer;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Generated binding for every supported type, over real HTTP. */
@WardTest
class BindingTest {
    private static WardClient http;

    @WardServerSetup
    static WardServer.Builder server() {
        return WardServer.builder().routes(new BindingFixturesRoutes(new BindingFixtures()));
    }

    @Test
    void scalarsConvert() throws Exception {
        UUID id = UUID.randomUUID();
        assertEquals("7|9000000000|true|HIGH|" + id, http.get("/scalars/7/9000000000/TRUE/HIGH/" + id).text());
        for (String bad : new String[] {"x/1/true/LOW/", "1/x/true/LOW/", "1/1/yes/LOW/", "1/1/true/MEDIUM/"}) {
            WardResponse response = http.get("/scalars/" + bad + id);
            assertEquals(400, response.status(), bad);
        }
        assertEquals(400, http.get("/scalars/1/1/true/LOW/1-2-3-4-5").status());
    }

    @Test
    void optionalValuesAreEmptyWhenAbsentAndRequiredOnesAre400() throws Exception {
        assertEquals("none|none|none|5", http.get("/optional?boxed=5").text());
        assertEquals("3|false|LOW|5", http.send(http.request("/optional?n=3&flag=false&boxed=5")
                .header("X-Level", "LOW")).text());
        WardResponse missing = http.get("/optional");
        assertEquals(400, missing.status());
        assertTrue(missing.text().contains("query parameter 'boxed' is required"), missing.text());
        assertEquals(400, http.get("/optional?n=three&boxed=1").status());
    }

    @Test
    void absentValuesTakeTheirDefaultsAndSentOnesWin() throws Exception {
        assertEquals("20|LOW|false|name", http.get("/defaults").text());
        assertEquals("5|HIGH|true|date", http.send(http.request("/defaults?limit=5&level=HIGH&sort=date")
                .header("X-Verbose", "TRUE")).text());
        // Sent but empty is sent: the default is for absent values only.
        assertEquals("20|LOW|false|", http.get("/defaults?sort=").text());
        WardResponse badLimit = http.get("/defaults?limit=ten");
        assertEquals(400, badLimit.status());
        assertEquals("application/problem+json", badLimit.contentType());
        assertTrue(badLimit.text().contains("query parameter 'limit': 'ten' is not a whole number"), badLimit.text());
        assertEquals(400, http.get("/defaults?limit=").status());
    }

    @Test
    void bodiesAsBytesAndStreams() throws Exception {
        WardResponse reversed = http.send(http.request("/bytes")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})));
        assertArrayEquals(new byte[] {3, 2, 1}, reversed.bytes());
        assertEquals("5", http.send(http.request("/stream").POST(HttpRequest.BodyPublishers.ofString("12345"))).text());
    }

    @Test
    void asyncVoidAndEscapeHatch() throws Exception {
        WardResponse accepted = http.send(http.request("/async/x")
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, accepted.status());
        assertEquals("accepted x", accepted.text());
        assertEquals(204, http.send(http.request("/nothing").POST(HttpRequest.BodyPublishers.noBody())).status());
        WardResponse raw = http.get("/raw");
        assertEquals("GET", raw.text());
        assertEquals("yes", raw.header("X-Raw").orElseThrow());
    }
}
