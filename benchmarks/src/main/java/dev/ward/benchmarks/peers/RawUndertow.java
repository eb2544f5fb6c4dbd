package dev.ward.benchmarks.peers;

import io.undertow.Undertow;
import io.undertow.io.AsyncSenderImpl;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;

/**
 * Raw Undertow serving the peers' two routes: on the I/O thread ({@code /hello}, {@code /echo}: the ratio base of
 * benchmarks/peers.sh) and dispatched to a bounded worker pool ({@code /dispatch/hello}, {@code /dispatch/echo}).
 * The echo reads the body without blocking ({@code receiveFullBytes}) and answers it with the async sender.
 */
final class RawUndertow {
    private static final ByteBuffer HELLO = ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();

    private RawUndertow() {
    }

    static Undertow server(int port, int ioThreads, ExecutorService workers) {
        RoutingHandler routes = new RoutingHandler(false)
                .get("/hello", exchange -> send(exchange, "text/plain; charset=UTF-8", HELLO.duplicate()))
                .post("/echo", RawUndertow::echo)
                .get("/dispatch/hello", dispatched(workers,
                        exchange -> send(exchange, "text/plain; charset=UTF-8", HELLO.duplicate())))
                .post("/dispatch/echo", exchange -> exchange.getRequestReceiver().receiveFullBytes((ex, body) ->
                        ex.dispatch(workers, () -> send(ex, "application/octet-stream", ByteBuffer.wrap(body)))));
        return Undertow.builder().setIoThreads(ioThreads).addHttpListener(port, "127.0.0.1").setHandler(routes).build();
    }

    private static void echo(HttpServerExchange exchange) {
        exchange.getRequestReceiver().receiveFullBytes((ex, body) ->
                send(ex, "application/octet-stream", ByteBuffer.wrap(body)));
    }

    private static HttpHandler dispatched(ExecutorService workers, HttpHandler handler) {
        return exchange -> exchange.dispatch(workers, handler);
    }

    private static void send(HttpServerExchange exchange, String contentType, ByteBuffer body) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.remaining());
        new AsyncSenderImpl(exchange).send(body);
    }
}
