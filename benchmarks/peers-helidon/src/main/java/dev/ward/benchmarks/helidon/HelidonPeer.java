package dev.ward.benchmarks.helidon;

import io.helidon.faulttolerance.Timeout;
import io.helidon.faulttolerance.TimeoutException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Handler;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Helidon 4 SE (a virtual thread per request) serving the peers' two routes with the same semantics as Ward's
 * guarded route: a Micrometer timer per route, a 1 s fault-tolerance {@code Timeout} run on the request's own
 * thread (interrupted at the deadline, answered 503), a failure answered 500 by the server; bodies up to 2 MiB.
 * {@code java dev.ward.benchmarks.helidon.HelidonPeer port} serves until killed (benchmarks/peers.sh).
 */
public final class HelidonPeer {
    private HelidonPeer() {
    }

    public static void main(String[] args) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Timeout timeout = Timeout.builder().timeout(Duration.ofSeconds(1)).currentThread(true).build();
        Timer hello = Timer.builder("helidon.requests").tag("uri", "/hello").register(meters);
        Timer echo = Timer.builder("helidon.requests").tag("uri", "/echo").register(meters);
        WebServer server = WebServer.builder().host("127.0.0.1").port(Integer.parseInt(args[0]))
                .maxPayloadSize(2L * 1024 * 1024)
                .routing(routing -> routing
                        .get("/hello", guarded(hello, timeout, (request, response) -> {
                            response.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8");
                            response.send("hello");
                        }))
                        .post("/echo", guarded(echo, timeout, (request, response) -> {
                            byte[] body = request.content().as(byte[].class);
                            response.header(HeaderNames.CONTENT_TYPE, "application/octet-stream");
                            response.send(body);
                        })))
                .build()
                .start();
        System.out.println("helidon on " + server.port() + " (Java " + Runtime.version().feature() + ")");
    }

    private static Handler guarded(Timer timer, Timeout timeout, Handler handler) {
        return (request, response) -> {
            long start = System.nanoTime();
            try {
                timeout.invoke((Supplier<Void>) () -> {
                    try {
                        handler.handle(request, response);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return null;
                });
            } catch (TimeoutException late) {
                if (!response.isSent()) {
                    response.status(Status.SERVICE_UNAVAILABLE_503).send();
                }
            } finally {
                timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        };
    }
}
