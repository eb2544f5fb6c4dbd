package dev.ward.undertow.internal;

import dev.ward.Response;
import java.io.InputStream;
import java.time.Duration;

/** The server the hostile-input and fuzz tests attack: ordinary routes, short timeouts so attacks end quickly. */
final class HostileServer {
    static final int MAX_BODY = 64 * 1024;

    private HostileServer() {
    }

    static TestServer start() {
        return TestServer.start(registry -> {
            registry.route("GET", "/health").handler(ex -> ex.respond(Response.ok("ok")));
            registry.route("GET", "/orders/{id}").recover().handler(ex ->
                    ex.respond(Response.ok("order " + Bind.toInt(ex.pathParam("id"), "path parameter 'id'")
                            + " q=" + ex.optionalQuery("q").orElse("-"))));
            registry.route("GET", "/files/{name}").recover().handler(ex ->
                    ex.respond(Response.ok("file " + ex.pathParam("name"))));
            registry.route("POST", "/orders").recover().bufferBody().handler(ex ->
                    ex.respond(Response.ok("got " + ex.bodyBytes().length)));
            registry.route("POST", "/stream").recover().streamBody().handler(ex -> {
                try (InputStream in = ex.bodyStream()) {
                    ex.respond(Response.ok("streamed " + in.readAllBytes().length));
                }
            });
        }, builder -> builder.maxEntitySize(MAX_BODY).parseTimeout(Duration.ofSeconds(1))
                .bodyTimeout(Duration.ofSeconds(1)).idleTimeout(Duration.ofSeconds(2)).maxHeaderSize(8 * 1024));
    }
}
