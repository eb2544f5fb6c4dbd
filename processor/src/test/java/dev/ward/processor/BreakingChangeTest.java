package dev.ward.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.ward.processor.Compile.handlers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The breaking-change gate ({@code -Award.contract.baseline}): every kind of incompatible change fails the
 * compilation with {@code Ward/BreakingChange} on the element at fault, naming oasdiff's check, and its compatible
 * near miss compiles with nothing from Ward.
 */
class BreakingChangeTest {
    private static final String RULE = "Ward/BreakingChange";

    @TempDir
    Path dir;

    @Test
    void removedOperationIsReportedOnItsClass() throws IOException {
        Path baseline = baseline(handlers("""
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                    @Get("/b") public String b() { return "b"; }
                }
                """));
        assertBreaks(baseline, "GET /b: the operation b() was removed (oasdiff: api-removed-without-deprecation)",
                handlers("""
                public class Handlers { // <- error
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertCompatible(baseline, handlers("""
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                    @Get("/b") public String b() { return "b"; }
                    @Get("/c") public String c() { return "c"; }
                }
                """));
    }

    @Test
    void operationsOfARemovedClassAreReportedWithoutElement() throws IOException {
        Path baseline = baseline(handlers("""
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """), Compile.source("test.Other", """
                package test;
                public class Other {
                    @dev.ward.Get("/other") public String other() { return "o"; }
                }
                """));
        Compilation compilation = compile(baseline, "check", handlers("""
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[" + RULE + "] GET /other: the operation other() was removed "
                + "(oasdiff: api-removed-without-deprecation)");
        assertEquals(null, compilation.errors().get(0).getSource(), "no element to point at: the class is gone");
    }

    @Test
    void renamedPathParameter() throws IOException {
        Path baseline = baseline(handlers("""
                public class Handlers {
                    @Get("/orders/{id}") public String a(@PathParam("id") String id) { return id; }
                }
                """));
        assertBreaks(baseline, "GET /orders/{orderId}: the path parameter 'id' was renamed to 'orderId' (oasdiff: "
                + "request-parameter-removed)", handlers("""
                public class Handlers {
                    @Get("/orders/{orderId}") public String a(
                            @PathParam("orderId") String id) { return id; } // <- error
                }
                """));
        assertCompatible(baseline, handlers("""
                public class Handlers {
                    @Get("/orders/{id}") public String a(@PathParam("id") String orderId) { return orderId; }
                }
                """));
    }

    @Test
    void newRequiredQueryParameterOrHeader() throws IOException {
        Path baseline = baseline(handlers("""
                public class Handlers {
                    @Get("/orders") public String a() { return "a"; }
                }
                """));
        assertBreaks(baseline, "GET /orders: the new query parameter 'page' is required (oasdiff: "
                + "new-required-request-parameter)", handlers("""
                public class Handlers {
                    @Get("/orders") public String a(
                            @QueryParam("page") int page) { return "a"; } // <- error
                }
                """));
        assertBreaks(baseline, "GET /orders: the new header parameter 'X-Tenant' is required", handlers("""
                public class Handlers {
                    @Get("/orders") public String a(
                            @Header("X-Tenant") String tenant) { return "a"; } // <- error
                }
                """));
        assertCompatible(baseline, handlers("""
                public class Handlers {
                    @Get("/orders") public String a(@QueryParam("page") Optional<Integer> page,
                            @QueryParam(value = "size", defaultValue = "20") int size,
                            @Header("X-Tenant") Optional<String> tenant) { return "a"; }
                }
                """));
    }

    @Test
    void parameterThatBecameRequiredOrNarrowed() throws IOException {
        Path baseline = baseline(handlers("""
                public class Handlers {
                    @Get("/orders") public String a(@QueryParam("page") Optional<Integer> page,
                            @QueryParam("after") long after) { return "a"; }
                }
                """));
        assertBreaks(baseline, "GET /orders: the query parameter 'page' became required (it was optional) (oasdiff: "
                + "request-parameter-became-required)", handlers("""
                public class Handlers {
                    @Get("/orders") public String a(
                            @QueryParam("page") int page, // <- error
                            @QueryParam("after") long after) { return "a"; }
                }
                """));
        assertBreaks(baseline, "GET /orders: the query parameter 'after' changed type from integer/int64 to "
                + "integer/int32, which does not take every value it took (oasdiff: request-parameter-type-changed)",
                handlers("""
                public class Handlers {
                    @Get("/orders") public String a(@QueryParam("page") Optional<Integer> page,
                            @QueryParam("after") int after) { return "a"; } // <- error
                }
                """));
        assertCompatible(baseline, handlers("""
                public class Handlers {
                    @Get("/orders") public String a(@QueryParam("page") Optional<Long> page,
                            @QueryParam("after") Optional<Long> after) { return "a"; }
                }
                """));
    }

    @Test
    void requestPropertyThatIsNewAndRequiredOrNarrowed() throws IOException {
        Path baseline = baseline(handlers("""
                public class Handlers {
                    public record Item(String sku, long quantity) { }
                    @Post("/items") public void add(@Body Item item) { }
                }
                """));
        assertBreaks(baseline, "POST /items: the new property Item.colour is required (oasdiff: "
                + "new-required-request-property)", handlers("""
                public class Handlers {
                    public record Item(String sku, long quantity,
                                       String colour) { } // <- error
                    @Post("/items") public void add(@Body Item item) { }
                }
                """));
        assertBreaks(baseline, "POST /items: Item.quantity changed type from integer/int64 to integer/int32, which "
                + "does not take every value it took (oasdiff: request-property-type-changed)", handlers("""
                public class Handlers {
                    public record Item(String sku,
                                       int quantity) { } // <- error
                    @Post("/items") public void add(@Body Item item) { }
                }
                """));
        assertCompatible(baseline, handlers("""
                public class Handlers {
                    public record Item(String sku, java.math.BigDecimal quantity, Optional<String> colour) { }
                    @Post("/items") public void add(@Body Item item) { }
                }
                """));
    }

    @Test
    void responsePropertyRemovedOrOptional() throws IOException {
        Path baseline = baseline(handlers("""
                public class Handlers {
                    public record Order(String id, String status, Optional<String> note) { }
                    @Get("/orders/{id}") public Order find(@PathParam("id") String id) { return null; }
                }
                """));
        assertBreaks(baseline, "GET /orders/{id}: the property Order.status was removed, and callers may rely on it "
                + "(oasdiff: response-required-property-removed)", handlers("""
                public class Handlers {
                    public record Order(String id, Optional<String> note) { } // <- error
                    @Get("/orders/{id}") public Order find(@PathParam("id") String id) { return null; }
                }
                """));
        assertBreaks(baseline, "GET /orders/{id}: Order.status became optional (it was always present) (oasdiff: "
                + "response-property-became-optional)", handlers("""
                public class Handlers {
                    public record Order(String id,
                                        Optional<String> status, // <- error
                                        Optional<String> note) { }
                    @Get("/orders/{id}") public Order find(@PathParam("id") String id) { return null; }
                }
                """));
        assertCompatible(baseline, handlers("""
                public class Handlers {
                    public record Order(String id, String status, int total) { }
                    @Get("/orders/{id}") public Order find(@PathParam("id") String id) { return null; }
                }
                """));
    }

    @Test
    void removedSuccessStatus() throws IOException {
        Path baseline = baseline(handlers("""
                public class Handlers {
                    @Post("/orders") public String place() { return "a"; }
                    @Post("/imports") @Responds(status = 202) public Response load() { return null; }
                }
                """));
        assertBreaks(baseline, "POST /orders: the success status 200 was removed; it now answers 204 (oasdiff: "
                + "response-success-status-removed)", handlers("""
                public class Handlers {
                    @Post("/orders") public void place() { } // <- error
                    @Post("/imports") @Responds(status = 202) public Response load() { return null; }
                }
                """));
        assertCompatible(baseline, handlers("""
                public class Handlers {
                    @Post("/orders") public String place() { return "a"; }
                    @Post("/imports") @Responds(status = 202) @Responds(status = 200)
                    public Response load() { return null; }
                }
                """));
    }

    @Test
    void enumValueRemovedFromARequestOrAddedToAResponse() throws IOException {
        Path baseline = baseline(handlers("""
                public class Handlers {
                    public enum Size { SMALL, LARGE }
                    public enum Stage { OPEN, DONE }
                    public record Shirt(Size size) { }
                    public record Job(Stage stage) { }
                    @Post("/shirts") public void order(@Body Shirt shirt) { }
                    @Get("/jobs") public Job job() { return null; }
                }
                """));
        assertBreaks(baseline, "POST /shirts: Size no longer takes the value LARGE (oasdiff: "
                + "request-property-enum-value-removed)", handlers("""
                public class Handlers {
                    public enum Size { SMALL } // <- error
                    public enum Stage { OPEN, DONE }
                    public record Shirt(Size size) { }
                    public record Job(Stage stage) { }
                    @Post("/shirts") public void order(@Body Shirt shirt) { }
                    @Get("/jobs") public Job job() { return null; }
                }
                """));
        assertBreaks(baseline, "GET /jobs: Stage may now be FAILED, which callers do not expect (oasdiff: "
                + "response-property-enum-value-added)", handlers("""
                public class Handlers {
                    public enum Size { SMALL, LARGE }
                    public enum Stage { OPEN, DONE, FAILED } // <- error
                    public record Shirt(Size size) { }
                    public record Job(Stage stage) { }
                    @Post("/shirts") public void order(@Body Shirt shirt) { }
                    @Get("/jobs") public Job job() { return null; }
                }
                """));
        assertCompatible(baseline, handlers("""
                public class Handlers {
                    public enum Size { SMALL, MEDIUM, LARGE }
                    public enum Stage { DONE }
                    public record Shirt(Size size) { }
                    public record Job(Stage stage) { }
                    @Post("/shirts") public void order(@Body Shirt shirt) { }
                    @Get("/jobs") public Job job() { return null; }
                }
                """));
    }

    @Test
    void aChangeToATypeSharedByTwoOperationsIsOneErrorNamingBoth() throws IOException {
        Path baseline = baseline(handlers("""
                public class Handlers {
                    public record Item(String sku) { }
                    @Post("/items") public void add(@Body Item item) { }
                    @Put("/items") public void replace(@Body Item item) { }
                }
                """));
        Compilation compilation = assertBreaks(baseline, "PUT /items, POST /items: the new property Item.count is "
                + "required", handlers("""
                public class Handlers {
                    public record Item(String sku, int count) { } // <- error
                    @Post("/items") public void add(@Body Item item) { }
                    @Put("/items") public void replace(@Body Item item) { }
                }
                """));
        assertEquals(1, compilation.errors().size(), compilation.errors().toString());
    }

    @Test
    void updateRewritesTheBaselineAndOffComparesNothing() throws IOException {
        Path baseline = baseline(handlers("""
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        JavaFileObject changed = handlers("""
                public class Handlers {
                    @Get("/b") public String b() { return "b"; }
                }
                """);
        assertThat(compile(baseline, "off", changed)).succeededWithoutWarnings();

        Compilation update = compile(baseline, "update", changed);
        assertThat(update).succeededWithoutWarnings();
        assertThat(update).hadNoteContaining("[" + RULE + "] wrote the contract to " + baseline.toAbsolutePath());
        assertEquals(ContractDocumentTest.document(update), Files.readString(baseline, StandardCharsets.UTF_8));
        assertCompatible(baseline, changed);
    }

    @Test
    void aMissingOrInvalidBaselineOrModeIsAClearError() throws IOException {
        JavaFileObject source = handlers("""
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """);
        Path missing = dir.resolve("missing.json");
        assertWholeCompilationError(compile(missing, "check", source), "[Ward/ContractBaseline] the baseline "
                + missing + " (" + missing.toAbsolutePath() + ", relative to javac's current directory) does not "
                + "exist");
        Path invalid = Files.writeString(dir.resolve("invalid.json"), "{\"openapi\": \"3.1.0\",\n  \"paths\": [}");
        assertWholeCompilationError(compile(invalid, "check", source), "is not an OpenAPI document Ward can read: "
                + "line 2, column 13: unexpected '}'");
        Path notOpenApi = Files.writeString(dir.resolve("other.json"), "{\"swagger\": \"2.0\"}");
        assertWholeCompilationError(compile(notOpenApi, "check", source), "it has no \"openapi\": \"3.x\" member");
        assertWholeCompilationError(compile(invalid, "fix", source), "[Ward/ContractBaseline] -Award.contract.mode=fix "
                + "is not a mode");
        assertWholeCompilationError(Compiler.javac().withProcessors(new WardProcessor())
                .withOptions("-Award.contract.mode=update").compile(source),
                "[Ward/ContractBaseline] -Award.contract.mode=update needs a baseline to update");
    }

    @Test
    void aClassWithErrorsIsNotComparedSoItsRoutesDoNotShowAsRemoved() throws IOException {
        Path baseline = baseline(handlers("""
                public class Handlers {
                    @Get("/a/{id}") public String a(@PathParam("id") String id) { return id; }
                }
                """));
        Compilation compilation = compile(baseline, "check", handlers("""
                public class Handlers {
                    @Get("/a/{id}") public String a(@PathParam("nope") String id) { return id; }
                }
                """));
        assertThat(compilation).hadErrorContaining("[Ward/PathParamWithoutVariable]");
        assertTrue(compilation.errors().stream().noneMatch(e -> e.getMessage(null).contains(RULE)),
                compilation.errors().toString());
    }

    /** The document of {@code sources}, written where a project commits its baseline. */
    private Path baseline(JavaFileObject... sources) throws IOException {
        Compilation compilation = Compiler.javac().withProcessors(new WardProcessor()).compile(sources);
        return Files.writeString(Files.createTempFile(dir, "baseline", ".json"),
                ContractDocumentTest.document(compilation), StandardCharsets.UTF_8);
    }

    private static Compilation compile(Path baseline, String mode, JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new WardProcessor())
                .withOptions("-Award.contract.baseline=" + baseline, "-Award.contract.mode=" + mode).compile(sources);
    }

    /** Fails with the gate's error, containing {@code text}, on the marked line, and nothing else. */
    private static Compilation assertBreaks(Path baseline, String text, JavaFileObject source) {
        Compilation compilation = compile(baseline, "check", source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[" + RULE + "] " + text).inFile(source)
                .onLine(Compile.markedLine(source));
        assertThat(compilation).hadErrorContaining("Fix: restore it, or accept the change with "
                + "-Award.contract.mode=update, which rewrites " + baseline + ".");
        List<String> others = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
            if (!error.getMessage(null).startsWith("[" + RULE + "]")) {
                others.add(error.getMessage(null));
            }
        }
        assertTrue(others.isEmpty(), "only the gate's errors: " + others);
        return compilation;
    }

    private static void assertCompatible(Path baseline, JavaFileObject source) {
        Compilation compilation = compile(baseline, "check", source);
        assertThat(compilation).succeeded();
        List<String> fromWard = compilation.diagnostics().stream().map(d -> d.getMessage(null))
                .filter(message -> message.contains("[Ward/")).toList();
        assertTrue(fromWard.isEmpty(), "Ward reported nothing: " + fromWard);
    }

    private static void assertWholeCompilationError(Compilation compilation, String text) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(text);
        assertTrue(compilation.errors().stream().allMatch(e -> e.getSource() == null
                && e.getMessage(null).contains("Fix: ")), compilation.errors().toString());
    }
}
