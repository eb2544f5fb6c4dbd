package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.undertow.WardServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The generated routes, served by a real server, answer real HTTP requests, JSON ones with ward-json. */
class HelloTest {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theGeneratedRoutesAnswerOverHttp() throws Exception {
        try (WardServer server = WardServer.builder().port(0).routes(new HelloRoutes(new Hello())).build().start()) {
            HttpResponse<String> text = client.send(request(server, "/hello").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, text.statusCode(), text.body());
            assertEquals("hello from a README project", text.body());

            HttpResponse<String> json = client.send(request(server, "/greetings")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Ada\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, json.statusCode(), json.body());
            assertEquals("application/json", json.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("{\"to\":\"Ada\",\"text\":\"hello, Ada\"}", json.body());

            HttpResponse<String> missing = client.send(request(server, "/greetings")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, missing.statusCode(), missing.body());
            assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElseThrow());
        }
    }

    private static HttpRequest.Builder request(WardServer server, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20));
    }
}
