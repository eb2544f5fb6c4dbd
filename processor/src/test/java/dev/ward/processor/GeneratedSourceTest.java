package dev.ward.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The generated class compiles whatever users name things; its whole text is {@link GoldenFilesTest}'s. */
class GeneratedSourceTest {
    @Test
    void parameterNamedLikeTheGeneratedLocalsStillCompiles() {
        assertThat(Compile.compile(Compile.handlers("""
                public class Handlers {
                    @Get("/a/{exchange}") public String a(@PathParam("exchange") String exchange,
                            @QueryParam("handlers") String handlers) { return exchange + handlers; }
                }
                """))).succeededWithoutWarnings();
    }

    @Test
    void nestedHandlerClassesGetDistinctRouteClasses() {
        Compilation compilation = Compile.compile(Compile.handlers("""
                public class Handlers {
                    public static class Admin {
                        @Get("/admin") public String a() { return "a"; }
                    }
                }
                """));
        assertThat(compilation).succeeded();
        assertTrue(compilation.generatedSourceFile("test.Handlers_AdminRoutes").isPresent());
    }

    @Test
    void unresolvedTypesAreLeftToJavacAndNeverCrashTheProcessor() {
        Compilation compilation = Compile.compile(Compile.handlers("""
                public class Handlers {
                    @Get("/a") public String a(@QueryParam("x") NoSuchType x) { return "a"; }
                }
                """));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol");
        assertTrue(compilation.errors().stream().noneMatch(e -> e.getMessage(null).contains("Ward/InternalError")),
                compilation.errors().toString());
    }

    @Test
    void jsonImportIsWrittenOnlyWhenAvajeJsonbIsOnTheClassPath() throws IOException {
        JavaFileObject source = Compile.handlers("""
                public class Handlers {
                    public record Item(String sku) { }
                    @Post("/items") public Item add(@Body Item item) { return item; }
                }
                """);
        List<File> classPath = new ArrayList<>();
        // Surefire may hand the JVM a manifest-only jar; the real entries are in its own property.
        String entries = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : entries.split(File.pathSeparator)) {
            classPath.add(new File(entry));
        }
        List<File> withoutAvaje = classPath.stream()
                .filter(file -> !file.getName().startsWith("avaje-jsonb")).toList();
        assertTrue(withoutAvaje.size() < classPath.size(), "avaje-jsonb is on the test class path: " + classPath);

        Compilation with = Compiler.javac().withProcessors(new WardProcessor()).withClasspath(classPath)
                .compile(source);
        assertThat(with).succeeded();
        assertTrue(routesSource(with).contains("@Json.Import(Handlers.Item.class)"), routesSource(with));

        // A user of ward-jackson has no avaje-jsonb: the routes class must not name it, or it would not compile.
        Compilation without = Compiler.javac().withProcessors(new WardProcessor()).withClasspath(withoutAvaje)
                .compile(source);
        assertThat(without).succeededWithoutWarnings();
        assertFalse(routesSource(without).contains("io.avaje") || routesSource(without).contains("@Json"),
                routesSource(without));
    }

    @Test
    void aReplayedBodysOnlyByteArrayConsumerTakesTheBufferAndEveryOtherConsumerKeepsItsCopy() throws IOException {
        Compilation compilation = Compile.compile(Compile.handlers("""
                public class Handlers {
                    @Middleware public static class Audit {
                        public void read(@Body byte[] body) { }
                    }
                    @Post("/alone") @ReplayBody public byte[] alone(@Body byte[] body) { return body; }
                    @Post("/audited") @ReplayBody @Use(Audit.class)
                    public byte[] audited(@Body byte[] body) { return body; }
                    @Post("/raw") @ReplayBody
                    public byte[] raw(@Body byte[] body, io.undertow.server.HttpServerExchange exchange) {
                        return body;
                    }
                    @Put("/retried") @ReplayBody @Retry(maxAttempts = 2)
                    public byte[] retried(@Body byte[] body) { return body; }
                    @Post("/compensated") @ReplayBody @Compensable(compensate = "undo")
                    public byte[] compensated(@Body byte[] body) { return body; }
                    public void undo(@Body byte[] body) { }
                }
                """));
        assertThat(compilation).succeeded();
        String source = routesSource(compilation);
        // One handler owns its body; the middleware's, the raw exchange's, a retry's and a compensation's
        // consumers make the other four copy theirs (and the compensation reads its own).
        assertEquals(1, source.split("exchange\\.soleBodyBytes\\(\\)", -1).length - 1, source);
        assertTrue(source.contains("byte[] body = exchange.soleBodyBytes();"), source);
        assertEquals(6, source.split("\\.bodyBytes\\(\\)", -1).length - 1, source);
    }

    private static String routesSource(Compilation compilation) throws IOException {
        return compilation.generatedSourceFile("test.HandlersRoutes").orElseThrow().getCharContent(true).toString();
    }

    @Test
    void declaresEveryAnnotationItReadsAndIsAnAggregatingIncrementalProcessor() throws IOException {
        assertEquals(Set.of("dev.ward.Get", "dev.ward.Post", "dev.ward.Put", "dev.ward.Patch", "dev.ward.Delete",
                        "dev.ward.PathParam", "dev.ward.QueryParam", "dev.ward.Header", "dev.ward.Body",
                        "dev.ward.Recover", "dev.ward.Timeout", "dev.ward.ReplayBody", "dev.ward.Traced",
                        "dev.ward.Compensable", "dev.ward.Use", "dev.ward.NonBlocking", "dev.ward.Retry",
                        "dev.ward.Fallback", "dev.ward.Idempotent", "dev.ward.Middleware", "dev.ward.ContextValue",
                        "dev.ward.CircuitBreaker", "dev.ward.RateLimit", "dev.ward.AdaptiveConcurrency"),
                new WardProcessor().getSupportedAnnotationTypes());
        try (InputStream metadata = getClass().getResourceAsStream(
                "/META-INF/gradle/incremental.annotation.processors")) {
            assertEquals("dev.ward.processor.WardProcessor,aggregating",
                    new String(metadata.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
        try (InputStream service = getClass().getResourceAsStream(
                "/META-INF/services/javax.annotation.processing.Processor")) {
            assertEquals("dev.ward.processor.WardProcessor", new String(service.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
    }
}
