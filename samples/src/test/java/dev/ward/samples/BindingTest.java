package dev.ward.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.undertow.WardServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Generated binding for every supported type, over real HTTP. */
class BindingTest {
    private static Http http;

    @BeforeAll
    static void start() {
        http = new Http(WardServer.builder().port(0).routes(new BindingFixturesRoutes(new BindingFixtures())).build());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void scalarsConvert() throws Exception {
        UUID id = UUID.randomUUID();
        assertEquals("7|9000000000|true|HIGH|" + id, http.get("/scalars/7/9000000000/TRUE/HIGH/" + id).body());
        for (String bad : new String[] {"x/1/true/LOW/", "1/x/true/LOW/", "1/1/yes/LOW/", "1/1/true/MEDIUM/"}) {
            HttpResponse<String> response = http.get("/scalars/" + bad + id);
            assertEquals(400, response.statusCode(), bad);
        }
        assertEquals(400, http.get("/scalars/1/1/true/LOW/1-2-3-4-5").statusCode());
    }

    @Test
    void optionalValuesAreEmptyWhenAbsentAndRequiredOnesAre400() throws Exception {
        assertEquals("none|none|none|5", http.get("/optional?boxed=5").body());
        assertEquals("3|false|LOW|5", http.send(http.request("/optional?n=3&flag=false&boxed=5")
                .header("X-Level", "LOW")).body());
        HttpResponse<String> missing = http.get("/optional");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("query parameter 'boxed' is required"), missing.body());
        assertEquals(400, http.get("/optional?n=three&boxed=1").statusCode());
    }

    @Test
    void absentValuesTakeTheirDefaultsAndSentOnesWin() throws Exception {
        assertEquals("20|LOW|false|name", http.get("/defaults").body());
        assertEquals("5|HIGH|true|date", http.send(http.request("/defaults?limit=5&level=HIGH&sort=date")
                .header("X-Verbose", "TRUE")).body());
        // Sent but empty is sent: the default is for absent values only.
        assertEquals("20|LOW|false|", http.get("/defaults?sort=").body());
        HttpResponse<String> badLimit = http.get("/defaults?limit=ten");
        assertEquals(400, badLimit.statusCode());
        assertEquals("application/problem+json", badLimit.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(badLimit.body().contains("query parameter 'limit': 'ten' is not a whole number"), badLimit.body());
        assertEquals(400, http.get("/defaults?limit=").statusCode());
    }

    @Test
    void bodiesAsBytesAndStreams() throws Exception {
        HttpResponse<byte[]> reversed = HttpClientHolder.bytes(http, http.request("/bytes")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})));
        assertArrayEquals(new byte[] {3, 2, 1}, reversed.body());
        assertEquals("5", http.send(http.request("/stream").POST(HttpRequest.BodyPublishers.ofString("12345"))).body());
    }

    @Test
    void asyncVoidAndEscapeHatch() throws Exception {
        HttpResponse<String> accepted = http.send(http.request("/async/x")
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, accepted.statusCode());
        assertEquals("accepted x", accepted.body());
        assertEquals(204, http.send(http.request("/nothing").POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        HttpResponse<String> raw = http.get("/raw");
        assertEquals("GET", raw.body());
        assertEquals("yes", raw.headers().firstValue("X-Raw").orElseThrow());
    }

    /** Byte bodies need their own body handler. */
    private static final class HttpClientHolder {
        static HttpResponse<byte[]> bytes(Http http, HttpRequest.Builder request) throws Exception {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
