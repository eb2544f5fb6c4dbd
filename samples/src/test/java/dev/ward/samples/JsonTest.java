package dev.ward.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.json.JsonbCodec;
import dev.ward.samples.ctx.BodyAudit;
import dev.ward.testing.Problem;
import dev.ward.testing.WardClient;
import dev.ward.testing.WardResponse;
import dev.ward.testing.WardServerSetup;
import dev.ward.testing.WardTest;
import dev.ward.undertow.CodecLimits;
import dev.ward.undertow.WardServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * JSON bodies and results end to end: the processor's generated routes, ward-json found by ServiceLoader with no
 * configuration, adapters avaje-jsonb generated for records nobody annotated, over real HTTP.
 */
@WardTest
class JsonTest {
    private static final String JSON = "application/json";
    private static WardClient http;

    @WardServerSetup
    static WardServer.Builder server() {
        return WardServer.builder().routes(new JsonFixturesRoutes(new JsonFixtures(), new BodyAudit()));
    }

    private static WardResponse post(WardClient on, String path, String contentType, String body) {
        return on.send("POST", path, contentType, body);
    }

    private static WardResponse post(String path, String body) {
        return post(http, path, JSON, body);
    }

    private static void assertJson(String expected, WardResponse response) {
        assertEquals(200, response.status(), response.text());
        assertEquals(JSON, response.contentType());
        assertEquals(expected, response.text());
    }

    private static void assertProblem(int status, String detail, String location, WardResponse response) {
        assertEquals(status, response.status(), response.text());
        Problem problem = response.problem();
        assertEquals(status, problem.status());
        assertEquals(detail, problem.detail());
        assertEquals(location, problem.location());
    }

    @Test
    void everyShapeRoundTrips() {
        assertJson("{\"sku\":\"APPLE\",\"quantity\":4}", post("/line", "{\"sku\": \"apple\", \"quantity\": 2}"));
        assertJson("{\"sku\":\"APPLE\",\"quantity\":4,\"note\":\"gift\"}",
                post("/line", "{\"sku\":\"apple\",\"quantity\":2,\"note\":\"gift\"}"));
        String basket = "{\"lines\":[{\"sku\":\"a\",\"quantity\":1}],\"sizes\":[\"SMALL\"],"
                + "\"byAisle\":{\"fruit\":[{\"sku\":\"b\",\"quantity\":2}]}}";
        assertJson(basket, post("/basket", basket));
        assertJson("[{\"sku\":\"b\",\"quantity\":2},{\"sku\":\"a\",\"quantity\":1}]", http.send("PUT", "/lines", JSON,
                "[{\"sku\":\"a\",\"quantity\":1},{\"sku\":\"b\",\"quantity\":2}]"));
        assertJson("{\"shirt\":\"LARGE\"}", post("/sizes", "{\"shirt\":\"LARGE\"}"));
        assertJson("\"LARGE\"", post("/size", "\"SMALL\""));
        assertJson("{\"cents\":101,\"currency\":\"EUR\"}", post("/money", "{\"cents\":100,\"currency\":\"EUR\"}"));
        assertJson("{\"sku\":\"pear\",\"quantity\":3,\"note\":\"later\"}", http.get("/async/pear"));
        // A structured JSON type is JSON too.
        assertJson("\"LARGE\"", post(http, "/size", "application/merge-patch+json; charset=utf-8", "\"SMALL\""));
    }

    @Test
    void anEmptyOptionalIsA404ProblemAndAPresentOneItsValue() {
        assertJson("{\"sku\":\"apple\",\"quantity\":1}", http.get("/lines/apple"));
        assertProblem(404, "nothing was found here", null, http.get("/lines/pear"));
    }

    @Test
    void aNullResultIsAFailureNotAnEmptySuccess() {
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
            WardResponse response = http.get("/null");
            assertEquals(500, response.status());
            assertFalse(response.text().contains("NullPointerException"), response.text());
        } finally {
            ward.removeHandler(capture);
        }
        String line = new SimpleFormatter().formatMessage(logged.get(0));
        assertTrue(line.contains("route GET /null failed with java.lang.NullPointerException"), line);
    }

    @Test
    void aReplayedBodyReachesMiddlewareAsBytesAndTheHandlerAsARecord() {
        // BodyAudit overwrites the first byte of its copy: the handler still decodes the body as sent.
        assertJson("{\"sku\":\"apple\",\"quantity\":2}", post("/audited", "{\"sku\":\"apple\",\"quantity\":2}"));
        assertProblem(413, "the request body is larger than the limit of 64 bytes", null, post("/audited",
                "{\"sku\":\"apple\",\"quantity\":2,\"note\":\"" + "n".repeat(64) + "\"}"));
    }

    @Test
    void aBodyThatIsNotJsonIsA415() {
        assertProblem(415, "the body's Content-Type 'text/plain' is not one this route reads; send application/json",
                null,
                post(http, "/line", "text/plain", "{\"sku\":\"apple\",\"quantity\":2}"));
        assertProblem(415, "the body has no Content-Type; send application/json", null,
                post(http, "/line", null, "{\"sku\":\"apple\",\"quantity\":2}"));
    }

    @Test
    void badJsonIsA400SayingWhatAndWhere() {
        assertProblem(400, "expected a whole number (int)", "$.quantity",
                post("/line", "{\"sku\": \"apple\", \"quantity\": }"));
        WardResponse cutShort = post("/line", "{\"sku\": \"apple\", \"quant");
        assertEquals(400, cutShort.status(), cutShort.text());
        assertTrue(cutShort.text().contains("\"location\":\""), cutShort.text());

        WardResponse missing = post("/line", "{\"quantity\": 2}");
        assertEquals(400, missing.status(), missing.text());
        assertTrue(missing.text().contains("sku"), missing.text());

        WardResponse wrongType = post("/basket", "{\"lines\":[{\"sku\":\"a\",\"quantity\":\"two\"}],"
                + "\"sizes\":[],\"byAisle\":{}}");
        assertEquals(400, wrongType.status(), wrongType.text());
        assertTrue(wrongType.text().contains("\"location\":\"$.lines[0].quantity\""), wrongType.text());
        assertTrue(wrongType.text().contains("whole number"), wrongType.text());

        WardResponse wrongEnum = post("/size", "\"MEDIUM\"");
        assertEquals(400, wrongEnum.status(), wrongEnum.text());
        assertTrue(wrongEnum.text().contains("SMALL, LARGE"), wrongEnum.text());
    }

    @Test
    void aBodyItsOwnTypeRefusesIsA400WithTheTypesReason() {
        assertJson("{\"value\":2}", post("/quantity", "{\"value\":2}"));
        assertProblem(400, "'value must be at least 1, was 0'", "$", post("/quantity", "{\"value\":0}"));
    }

    @Test
    void aProblemNeverRepeatsMoreThan100CharactersOfTheInput() {
        String longValue = "x".repeat(500);
        for (String body : new String[] {"{\"sku\":\"a\",\"quantity\":\"" + longValue + "\"}",
                "{\"" + longValue + "\" 1}", "\"" + longValue + "\""}) {
            WardResponse response = post(body.startsWith("\"") ? "/size" : "/line", body);
            assertEquals(400, response.status(), response.text());
            assertFalse(response.text().contains("x".repeat(101)), response.text());
        }
    }

    @Test
    void unknownPropertiesAreIgnoredByDefault() {
        assertJson("{\"sku\":\"APPLE\",\"quantity\":4}", post("/line", "{\"sku\":\"apple\",\"quantity\":2,\"x\":[1]}"));
    }

    @Test
    void limitsOfNestingStringsAndNumbersAre400() {
        String deep = "[".repeat(65) + "]".repeat(65);
        WardResponse tooDeep = post("/basket", "{\"lines\":[],\"sizes\":[],\"byAisle\":{},\"x\":" + deep + "}");
        assertEquals(400, tooDeep.status(), tooDeep.text());
        WardResponse longString = post("/line", "{\"sku\":\"" + "s".repeat(40_000) + "\",\"quantity\":1}");
        assertEquals(400, longString.status(), longString.text());
        WardResponse longNumber = post("/line", "{\"sku\":\"a\",\"quantity\":1" + "0".repeat(150) + "}");
        assertEquals(400, longNumber.status(), longNumber.text());
    }

    @Test
    void aConfiguredCodecRefusesUnknownPropertiesAndTheServersEntityLimitHolds() {
        try (WardServer server = WardServer.builder().port(0).maxEntitySize(100)
                .codec(new JsonbCodec(CodecLimits.DEFAULTS.withRefuseUnknownProperties(true)))
                .routes(new JsonFixturesRoutes(new JsonFixtures(), new BodyAudit())).build().start()) {
            WardClient strict = WardClient.of(server, true);
            WardResponse unknown = post(strict, "/line", JSON, "{\"sku\":\"apple\",\"quantity\":2,\"x\":1}");
            assertEquals(400, unknown.status(), unknown.text());
            assertTrue(unknown.text().contains("\"location\":\"$.x\""), unknown.text());
            assertProblem(413, "the request body is larger than the limit of 100 bytes", null, post(strict, "/line",
                    JSON, "{\"sku\":\"" + "a".repeat(120) + "\",\"quantity\":2}"));
        }
    }
}
