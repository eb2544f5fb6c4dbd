package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.undertow.WardServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The generated routes, served by a real server, answer a real HTTP request. */
class HelloTest {
    @Test
    void theGeneratedRoutesAnswerOverHttp() throws Exception {
        try (WardServer server = WardServer.builder().port(0).routes(new HelloRoutes(new Hello())).build().start()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/hello"))
                    .timeout(Duration.ofSeconds(20))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("hello from a README project", response.body());
        }
    }
}
