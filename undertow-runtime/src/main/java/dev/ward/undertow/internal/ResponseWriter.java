package dev.ward.undertow.internal;

import dev.ward.Response;
import dev.ward.internal.ResponseBodies;
import io.undertow.io.AsyncSenderImpl;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.util.Map;
import org.xnio.IoUtils;

/**
 * Puts a {@link Response} on the wire. Callers decide <em>whether</em> to write (the gate in
 * {@link RouteExchange}); this class only knows <em>how</em>. It always uses a fresh asynchronous sender, so it
 * works from an I/O thread and from a worker, also after the handler called {@code startBlocking()}.
 */
final class ResponseWriter {
    private static final ResponseBodies.Access BODIES = ResponseBodies.access();
    private ResponseWriter() {
    }

    static void write(HttpServerExchange exchange, Response response) {
        int status = response.status();
        exchange.setStatusCode(status);
        HeaderMap headers = exchange.getResponseHeaders();
        for (Map.Entry<String, String> header : response.headers()) {
            headers.add(HttpString.tryFromString(header.getKey()), header.getValue());
        }
        ByteBuffer body = BODIES.wrap(response);
        boolean bodiless = status == 204 || status == 304 || status < 200;
        if (bodiless) {
            headers.remove(Headers.CONTENT_LENGTH);
            exchange.endExchange();
            return;
        }
        response.contentType().ifPresent(type -> headers.put(Headers.CONTENT_TYPE, type));
        headers.put(Headers.CONTENT_LENGTH, body.remaining());
        if (body.hasRemaining()) {
            new AsyncSenderImpl(exchange).send(body);
        } else {
            exchange.endExchange();
        }
    }

    /** Ends a response that has already started, so the client sees a broken connection, not a short success. */
    static void abort(HttpServerExchange exchange) {
        exchange.setPersistent(false);
        IoUtils.safeClose(exchange.getConnection());
    }
}
