package dev.ward.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.json.JsonbCodec;
import dev.ward.samples.ctx.BodyAudit;
import dev.ward.undertow.CodecLimits;
import dev.ward.undertow.WardServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JSON bodies and results end to end: the processor's generated routes, ward-json found by ServiceLoader with no
 * configuration, adapters avaje-jsonb generated for records nobody annotated, over real HTTP.
 */
class JsonTest {
    private static final String JSON = "application/json";
    private static Http http;

    @BeforeAll
    static void start() {
        http = new Http(WardServer.builder().port(0)
                .routes(new JsonFixturesRoutes(new JsonFixtures(), new BodyAudit())).build());
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static HttpResponse<String> post(Http on, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = on.request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return on.send(request);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return post(http, path, JSON, body);
    }

    private static void assertJson(String expected, HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(JSON, response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(expected, response.body());
    }

    private static void assertProblem(int status, String detail, String location, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"detail\":\"" + detail + "\""), response.body());
        if (location != null) {
            assertTrue(response.body().contains("\"location\":\"" + location + "\""), response.body());
        } else {
            assertFalse(response.body().contains("\"location\""), response.body());
        }
    }

    @Test
    void everyShapeRoundTrips() throws Exception {
        assertJson("{\"sku\":\"APPLE\",\"quantity\":4}", post("/line", "{\"sku\": \"apple\", \"quantity\": 2}"));
        assertJson("{\"sku\":\"APPLE\",\"quantity\":4,\"note\":\"gift\"}",
                post("/line", "{\"sku\":\"apple\",\"quantity\":2,\"note\":\"gift\"}"));
        String basket = "{\"lines\":[{\"sku\":\"a\",\"quantity\":1}],\"sizes\":[\"SMALL\"],"
                + "\"byAisle\":{\"fruit\":[{\"sku\":\"b\",\"quantity\":2}]}}";
        assertJson(basket, post("/basket", basket));
        assertJson("[{\"sku\":\"b\",\"quantity\":2},{\"sku\":\"a\",\"quantity\":1}]", http.send(http.request("/lines")
                .header("Content-Type", JSON).PUT(HttpRequest.BodyPublishers.ofString(
                        "[{\"sku\":\"a\",\"quantity\":1},{\"sku\":\"b\",\"quantity\":2}]"))));
        assertJson("{\"shirt\":\"LARGE\"}", post("/sizes", "{\"shirt\":\"LARGE\"}"));
        assertJson("\"LARGE\"", post("/size", "\"SMALL\""));
        assertJson("{\"cents\":101,\"currency\":\"EUR\"}", post("/money", "{\"cents\":100,\"currency\":\"EUR\"}"));
        assertJson("{\"sku\":\"pear\",\"quantity\":3,\"note\":\"later\"}", http.get("/async/pear"));
        // A structured JSON type is JSON too.
        assertJson("\"LARGE\"", post(http, "/size", "application/merge-patch+json; charset=utf-8", "\"SMALL\""));
    }

    @Test
    void anEmptyOptionalIsA404ProblemAndAPresentOneItsValue() throws Exception {
        assertJson("{\"sku\":\"apple\",\"quantity\":1}", http.get("/lines/apple"));
        assertProblem(404, "nothing was found here", null, http.get("/lines/pear"));
    }

    @Test
    void aNullResultIsAFailureNotAnEmptySuccess() throws Exception {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger ward = Logger.getLogger("dev.ward");
        ward.addHandler(capture);
        try {
            HttpResponse<String> response = http.get("/null");
            assertEquals(500, response.statusCode());
            assertFalse(response.body().contains("NullPointerException"), response.body());
        } finally {
            ward.removeHandler(capture);
        }
        String line = new SimpleFormatter().formatMessage(logged.get(0));
        assertTrue(line.contains("route GET /null failed with java.lang.NullPointerException"), line);
    }

    @Test
    void aReplayedBodyReachesMiddlewareAsBytesAndTheHandlerAsARecord() throws Exception {
        // BodyAudit overwrites the first byte of its copy: the handler still decodes the body as sent.
        assertJson("{\"sku\":\"apple\",\"quantity\":2}", post("/audited", "{\"sku\":\"apple\",\"quantity\":2}"));
        assertProblem(413, "the request body is larger than the limit of 64 bytes", null, post("/audited",
                "{\"sku\":\"apple\",\"quantity\":2,\"note\":\"" + "n".repeat(64) + "\"}"));
    }

    @Test
    void aBodyThatIsNotJsonIsA415() throws Exception {
        assertProblem(415, "the body's Content-Type 'text/plain' is not one this route reads; send application/json",
                null,
                post(http, "/line", "text/plain", "{\"sku\":\"apple\",\"quantity\":2}"));
        assertProblem(415, "the body has no Content-Type; send application/json", null,
                post(http, "/line", null, "{\"sku\":\"apple\",\"quantity\":2}"));
    }

    @Test
    void badJsonIsA400SayingWhatAndWhere() throws Exception {
        assertProblem(400, "expected a whole number (int)", "$.quantity",
                post("/line", "{\"sku\": \"apple\", \"quantity\": }"));
        HttpResponse<String> cutShort = post("/line", "{\"sku\": \"apple\", \"quant");
        assertEquals(400, cutShort.statusCode(), cutShort.body());
        assertTrue(cutShort.body().contains("\"location\":\""), cutShort.body());

        HttpResponse<String> missing = post("/line", "{\"quantity\": 2}");
        assertEquals(400, missing.statusCode(), missing.body());
        assertTrue(missing.body().contains("sku"), missing.body());

        HttpResponse<String> wrongType = post("/basket", "{\"lines\":[{\"sku\":\"a\",\"quantity\":\"two\"}],"
                + "\"sizes\":[],\"byAisle\":{}}");
        assertEquals(400, wrongType.statusCode(), wrongType.body());
        assertTrue(wrongType.body().contains("\"location\":\"$.lines[0].quantity\""), wrongType.body());
        assertTrue(wrongType.body().contains("whole number"), wrongType.body());

        HttpResponse<String> wrongEnum = post("/size", "\"MEDIUM\"");
        assertEquals(400, wrongEnum.statusCode(), wrongEnum.body());
        assertTrue(wrongEnum.body().contains("SMALL, LARGE"), wrongEnum.body());
    }

    @Test
    void aBodyItsOwnTypeRefusesIsA400WithTheTypesReason() throws Exception {
        assertJson("{\"value\":2}", post("/quantity", "{\"value\":2}"));
        assertProblem(400, "'value must be at least 1, was 0'", "$", post("/quantity", "{\"value\":0}"));
    }

    @Test
    void aProblemNeverRepeatsMoreThan100CharactersOfTheInput() throws Exception {
        String longValue = "x".repeat(500);
        for (String body : new String[] {"{\"sku\":\"a\",\"quantity\":\"" + longValue + "\"}",
                "{\"" + longValue + "\" 1}", "\"" + longValue + "\""}) {
            HttpResponse<String> response = post(body.startsWith("\"") ? "/size" : "/line", body);
            assertEquals(400, response.statusCode(), response.body());
            assertFalse(response.body().contains("x".repeat(101)), response.body());
        }
    }

    @Test
    void unknownPropertiesAreIgnoredByDefault() throws Exception {
        assertJson("{\"sku\":\"APPLE\",\"quantity\":4}", post("/line", "{\"sku\":\"apple\",\"quantity\":2,\"x\":[1]}"));
    }

    @Test
    void limitsOfNestingStringsAndNumbersAre400() throws Exception {
        String deep = "[".repeat(65) + "]".repeat(65);
        HttpResponse<String> tooDeep = post("/basket", "{\"lines\":[],\"sizes\":[],\"byAisle\":{},\"x\":" + deep + "}");
        assertEquals(400, tooDeep.statusCode(), tooDeep.body());
        HttpResponse<String> longString = post("/line", "{\"sku\":\"" + "s".repeat(40_000) + "\",\"quantity\":1}");
        assertEquals(400, longString.statusCode(), longString.body());
        HttpResponse<String> longNumber = post("/line", "{\"sku\":\"a\",\"quantity\":1" + "0".repeat(150) + "}");
        assertEquals(400, longNumber.statusCode(), longNumber.body());
    }

    @Test
    void aConfiguredCodecRefusesUnknownPropertiesAndTheServersEntityLimitHolds() throws Exception {
        try (Http strict = new Http(WardServer.builder().port(0).maxEntitySize(100)
                .codec(new JsonbCodec(CodecLimits.DEFAULTS.withRefuseUnknownProperties(true)))
                .routes(new JsonFixturesRoutes(new JsonFixtures(), new BodyAudit())).build())) {
            HttpResponse<String> unknown = post(strict, "/line", JSON, "{\"sku\":\"apple\",\"quantity\":2,\"x\":1}");
            assertEquals(400, unknown.statusCode(), unknown.body());
            assertTrue(unknown.body().contains("\"location\":\"$.x\""), unknown.body());
            assertProblem(413, "the request body is larger than the limit of 100 bytes", null, post(strict, "/line",
                    JSON, "{\"sku\":\"" + "a".repeat(120) + "\",\"quantity\":2}"));
        }
    }
}
