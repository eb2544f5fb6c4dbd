package dev.ward.benchmarks.peers;

import com.fasterxml.jackson.core.JacksonException;
import dev.ward.benchmarks.JsonHandlers.Order;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Javalin 7 (on Jetty 12) with Jackson serving {@code POST /json} as {@link dev.ward.benchmarks.JsonHandlers} does:
 * the {@link Order} decoded with Javalin's default Jackson mapper and answered back. Matched to the ward-json
 * server: no timer and no timeout (that server has neither), the body bounded at 2 MiB (Ward's default, Javalin's
 * is 1 MB), no compression, a body Jackson cannot read answered 400 (Javalin's default would be 500). Jetty's one
 * pool of {@code workers} threads runs its selectors and the handlers alike (Ward's I/O threads come on top of
 * its workers).
 */
final class JavalinPeer {
    private JavalinPeer() {
    }

    static Javalin start(int port, int workers) {
        return Javalin.create(config -> {
            config.jetty.threadPool = new QueuedThreadPool(workers, Math.min(8, workers));
            config.http.maxRequestSize = 2L * 1024 * 1024;
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.jsonMapper(new JavalinJackson());
            config.routes.post("/json", context -> context.json(context.bodyAsClass(Order.class)));
            config.routes.exception(JacksonException.class, (failure, context) -> context.status(400)
                    .contentType("application/problem+json")
                    .result("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400}"));
        }).start("127.0.0.1", port);
    }
}
