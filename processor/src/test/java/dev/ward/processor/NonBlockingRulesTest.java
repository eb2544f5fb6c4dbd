package dev.ward.processor;

import static dev.ward.processor.Compile.assertCompiles;
import static dev.ward.processor.Compile.assertError;
import static dev.ward.processor.Compile.handlers;

import org.junit.jupiter.api.Test;

/** {@code @NonBlocking} routes run on an I/O thread: whatever needs a worker is refused. */
class NonBlockingRulesTest {
    private static final String MIDDLEWARE = """
            @Middleware class Audit {
                public void record(@Header("X-Actor") String actor) { }
            }
            """;

    @Test
    void nonBlockingWithTimeout() {
        assertError("Ward/NonBlockingNeedsWorker", "Handlers.a() is @NonBlocking, so it runs on an I/O thread, "
                + "but @Timeout needs a worker", handlers("""
                public class Handlers {
                    @Get("/a") @NonBlocking @Timeout(100) public String a() { return "a"; } // <- error
                }
                """));
        assertError("Ward/NonBlockingNeedsWorker", "Handlers.a() is @NonBlocking (from its class)", handlers("""
                @NonBlocking
                public class Handlers {
                    @Get("/a") @Timeout(100) public String a() { return "a"; } // <- error
                }
                """));
    }

    @Test
    void nonBlockingWithStreamOrRawExchange() {
        assertError("Ward/NonBlockingNeedsWorker", "but its @Body InputStream in blocks the thread", handlers("""
                public class Handlers {
                    @Post("/a") @NonBlocking public String a(
                            @Body java.io.InputStream in) { return "a"; } // <- error
                }
                """));
        assertError("Ward/NonBlockingNeedsWorker", "but it takes the raw HttpServerExchange exchange", handlers("""
                public class Handlers {
                    @Get("/a") @NonBlocking public String a(
                            io.undertow.server.HttpServerExchange exchange) { return "a"; } // <- error
                }
                """));
    }

    @Test
    void nonBlockingWithMiddleware() {
        assertError("Ward/NonBlockingNeedsWorker", "but it uses middleware Audit, which Ward cannot prove never blocks",
                handlers(MIDDLEWARE + """
                public class Handlers {
                    @Get("/a") @NonBlocking @Use(Audit.class) public String a() { return "a"; } // <- error
                }
                """));
    }

    @Test
    void nonBlockingNearMissesCompile() {
        // Buffered bodies, recovery, tracing, compensation and asynchronous answers need no worker.
        assertCompiles(handlers(MIDDLEWARE + """
                @NonBlocking @Recover @Traced
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "undo")
                    public String a(@Body byte[] body, @Header("X-Id") String id) { return id + body.length; }
                    public void undo(@Header("X-Id") String id) { }
                    @Post("/b") public java.util.concurrent.CompletionStage<String> b(@Body String text) {
                        return java.util.concurrent.CompletableFuture.completedFuture(text);
                    }
                }
                class Timed {
                    @Get("/c") @Timeout(100) @Use(Audit.class) public String c() { return "c"; }
                }
                """));
    }
}
