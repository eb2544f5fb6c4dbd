package dev.ward.undertow.internal;

import dev.ward.undertow.Routes;
import dev.ward.undertow.WardServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/** A real WardServer on 127.0.0.1 and an ephemeral port, with a plain HTTP/1.1 client. Close it after use. */
final class TestServer implements AutoCloseable {
    final WardServer server;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(WardServer server) {
        this.server = server.start();
    }

    static TestServer start(Routes routes) {
        return start(routes, builder -> { });
    }

    static TestServer start(Routes routes, Consumer<WardServer.Builder> configure) {
        WardServer.Builder builder = WardServer.builder().host("127.0.0.1").port(0).routes(routes);
        configure.accept(builder);
        return new TestServer(builder.build());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
    }
}
