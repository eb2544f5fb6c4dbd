package dev.ward.benchmarks.peers;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import java.util.concurrent.TimeUnit;

/**
 * Vert.x 5 web serving the peers' two routes on its event loops, with the same semantics as Ward's guarded route:
 * a Micrometer timer per route (recorded when the response ends), a 1 s {@code TimeoutHandler} (503), failures
 * answered 500 by the router; the echo's body bounded by a {@code BodyHandler} (2 MiB, Ward's default).
 */
final class VertxPeer {
    private VertxPeer() {
    }

    static Vertx start(int port, int eventLoops, MeterRegistry meters) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        Router router = Router.router(vertx);
        Timer hello = Timer.builder("vertx.requests").tag("uri", "/hello").register(meters);
        Timer echo = Timer.builder("vertx.requests").tag("uri", "/echo").register(meters);
        router.get("/hello").handler(TimeoutHandler.create(1000, 503)).handler(timed(hello))
                .handler(context -> context.response().putHeader("Content-Type", "text/plain; charset=UTF-8")
                        .end("hello"));
        // Vert.x wants the body handler before any user handler: the echo's timer starts once the body is read.
        router.post("/echo").handler(TimeoutHandler.create(1000, 503))
                .handler(BodyHandler.create().setBodyLimit(2L * 1024 * 1024)).handler(timed(echo))
                .handler(context -> {
                    Buffer body = context.body().buffer();
                    context.response().putHeader("Content-Type", "application/octet-stream").end(body);
                });
        // One server instance per event loop, as Vert.x deploys HTTP verticles: the accepted connections are spread
        // over the loops.
        for (int i = 0; i < eventLoops; i++) {
            HttpServer server = vertx.createHttpServer().requestHandler(router);
            server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
        }
        return vertx;
    }

    private static Handler<RoutingContext> timed(Timer timer) {
        return context -> {
            long start = System.nanoTime();
            context.addEndHandler(done -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
            context.next();
        };
    }
}
