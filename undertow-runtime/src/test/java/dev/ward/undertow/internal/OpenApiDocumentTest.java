package dev.ward.undertow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Response;
import dev.ward.undertow.WardServer;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code WardServer.builder().openApi(path)}: the class path's documents, served as they are or merged, with an
 * ETag and 304; a conflict or no document at all fails the build.
 */
class OpenApiDocumentTest {
    private static final String ORDERS = """
            {
              "openapi": "3.1.0",
              "info": {
                "title": "Orders",
                "version": "1"
              },
              "paths": {
                "/orders": {
                  "get": {
                    "operationId": "list",
                    "responses": {
                      "200": {
                        "description": "OK",
                        "content": {
                          "application/json": {
                            "schema": {
                              "$ref": "#/components/schemas/Order"
                            }
                          }
                        }
                      }
                    }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Order": {
                    "type": "object"
                  }
                }
              }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void oneDocumentIsServedByteForByteWithAStrongETagAnd304() throws Exception {
        ClassLoader loader = modules(ORDERS);
        try (TestServer server = serve(loader)) {
            HttpResponse<String> response = server.get("/openapi.json");
            assertEquals(200, response.statusCode());
            assertEquals(ORDERS, response.body());
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElseThrow());
            String etag = response.headers().firstValue("ETag").orElseThrow();
            assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);

            for (String match : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
                HttpResponse<String> cached = server.send(HttpRequest.newBuilder(server.uri("/openapi.json"))
                        .header("If-None-Match", match));
                assertEquals(304, cached.statusCode(), match);
                assertEquals("", cached.body());
                assertEquals(etag, cached.headers().firstValue("ETag").orElseThrow());
            }
            HttpResponse<String> changed = server.send(HttpRequest.newBuilder(server.uri("/openapi.json"))
                    .header("If-None-Match", "\"other\""));
            assertEquals(200, changed.statusCode());
            assertEquals(ORDERS, changed.body());
            assertEquals(404, server.get("/openapi.yaml").statusCode());
        }
    }

    @Test
    void documentsOfSeveralModulesAreMergedOnce() throws Exception {
        String stock = ORDERS.replace("\"/orders\"", "\"/stock\"")
                .replace("\"title\": \"Orders\"", "\"title\": \"Stock\"");
        ClassLoader loader = modules(ORDERS, stock);
        String merged = new String(OpenApiDocument.load("/openapi.json", loader).body(), StandardCharsets.UTF_8);

        assertTrue(merged.contains("\"title\": \"Orders\""), "the first module's info: " + merged);
        assertTrue(merged.indexOf("\"/orders\": {") < merged.indexOf("\"/stock\": {"), merged);
        assertEquals(1, merged.split("\"Order\": \\{", -1).length - 1, "one schema, identical in both: " + merged);
        assertEquals(JsonTree.compact(JsonTree.parse(merged)), JsonTree.compact(JsonTree.parse(JsonTree.write(
                JsonTree.parse(merged)))), "valid JSON");
    }

    @Test
    void anOperationOrASchemaClaimedTwiceFailsTheBuild() throws IOException {
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> OpenApiDocument.load("/openapi.json", modules(ORDERS, ORDERS)));
        assertTrue(twice.getMessage().matches("GET /orders is in two OpenAPI documents on the class path, .*module0/"
                + "META-INF/ward/openapi.json and .*module1/META-INF/ward/openapi.json: two modules serve one "
                + "operation"), twice.getMessage());

        String otherOrder = ORDERS.replace("\"/orders\"", "\"/stock\"").replace("\"type\": \"object\"",
                "\"type\": \"string\"");
        IllegalStateException schema = assertThrows(IllegalStateException.class,
                () -> OpenApiDocument.load("/openapi.json", modules(ORDERS, otherOrder)));
        assertTrue(schema.getMessage().startsWith("the schema Order differs between two OpenAPI documents on the "
                + "class path, "), schema.getMessage());
    }

    @Test
    void noDocumentOrABadOneFailsTheBuild() throws IOException {
        WardServer.Builder builder = WardServer.builder().port(0).openApi("/openapi.json");
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> withContextLoader(modules(),
                builder::build));
        assertEquals("openApi(\"/openapi.json\") serves the META-INF/ward/openapi.json that Ward's processor "
                + "writes, but there is none on the class path: compile the route classes with Ward's processor "
                + "(docs/contract.md)", none.getMessage());

        IllegalStateException invalid = assertThrows(IllegalStateException.class,
                () -> OpenApiDocument.load("/openapi.json", modules("{\"openapi\": ", ORDERS)));
        assertTrue(invalid.getMessage().endsWith("module0/META-INF/ward/openapi.json is not valid JSON: line 1, "
                + "column 13: unexpected end"), invalid.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WardServer.builder().openApi("openapi.json"));
    }

    private TestServer serve(ClassLoader loader) {
        return withContextLoader(loader, () -> TestServer.start(registry -> registry.route("GET", "/orders")
                .handler(exchange -> exchange.respond(Response.ok("[]"))),
                builder -> builder.openApi("/openapi.json")));
    }

    private static <T> T withContextLoader(ClassLoader loader, java.util.function.Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A class loader with one directory per document, as one jar per module would be. */
    private ClassLoader modules(String... documents) throws IOException {
        URL[] urls = new URL[documents.length];
        for (int i = 0; i < documents.length; i++) {
            Path module = dir.resolve("module" + i);
            Path file = module.resolve(OpenApiDocument.RESOURCE);
            Files.createDirectories(file.getParent());
            Files.writeString(file, documents[i]);
            urls[i] = module.toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }
}
