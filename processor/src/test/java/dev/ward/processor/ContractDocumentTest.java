package dev.ward.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OpenAPI document the processor writes to {@code META-INF/ward/openapi.json}: compared whole with a golden file
 * for each shape of handler class (regenerated like the routes classes, {@code -Dward.golden.update=true}), valid
 * OpenAPI 3.1, and the same bytes for the same sources.
 */
class ContractDocumentTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(strings = {"contract", "plain", "annotations", "middleware", "nonblocking", "json", "faulttolerance",
            "overload"})
    void documentMatchesTheGoldenFileAndIsValidOpenApi(String shape) throws IOException {
        String document = document(compile(shape, List.of("-Award.api.title=Orders", "-Award.api.version=2.1.0")));

        assertValidOpenApi31(document);
        Path expected = GOLDEN.resolve(shape + "/openapi.json");
        if (Boolean.getBoolean(GoldenFilesTest.UPDATE)) {
            Files.writeString(expected, document, StandardCharsets.UTF_8);
            return;
        }
        String golden = Files.exists(expected) ? Files.readString(expected, StandardCharsets.UTF_8) : "";
        if (!golden.equals(document)) {
            fail("the document for '" + shape + "' differs from " + expected + ":\n" + document + "\nIf the change "
                    + "is intended, regenerate it with -D" + GoldenFilesTest.UPDATE + "=true and review the diff.");
        }
    }

    @Test
    void twoCompilationsGiveTheSameBytesWhateverTheOrderOfTheSources() throws IOException {
        Compilation first = compile("middleware", List.of());
        List<JavaFileObject> reversed = new ArrayList<>(sources("middleware"));
        java.util.Collections.reverse(reversed);
        Compilation second = Compiler.javac().withProcessors(new WardProcessor()).compile(reversed);
        assertThat(second).succeeded();

        assertEquals(document(first), document(second));
        assertEquals(document(compile("contract", List.of())), document(compile("contract", List.of())));
    }

    @Test
    void titleAndVersionDefaultWhenNotGiven() throws IOException {
        String document = document(compile("plain", List.of()));

        assertTrue(document.contains("\"title\": \"API\",\n    \"version\": \"0\""), document);
    }

    @Test
    void jacksonsPropertyNamesAreTheNamesInTheSchema() throws IOException {
        // Jackson is not on this module's class path: the annotation is declared here, as javac sees it by name.
        JavaFileObject jsonProperty = Compile.source("com.fasterxml.jackson.annotation.JsonProperty", """
                package com.fasterxml.jackson.annotation;
                public @interface JsonProperty { String value() default ""; }
                """);
        String document = document(Compiler.javac().withProcessors(new WardProcessor()).compile(jsonProperty,
                Compile.handlers("""
                public class Handlers {
                    public record Price(@com.fasterxml.jackson.annotation.JsonProperty("unit_price") long unitPrice,
                                        String currency) { }
                    @Get("/price") public Price price() { return null; }
                }
                """)));

        assertTrue(document.contains("""
                        "properties": {
                          "unit_price": {
                            "type": "integer",
                            "format": "int64"
                          },
                          "currency": {
                """), document);
        assertTrue(document.contains("\"required\": [\n          \"unit_price\",\n          \"currency\"\n"), document);
    }

    static void assertValidOpenApi31(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(document, null, options);
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(),
                "swagger-parser finds the document invalid: " + result.getMessages() + "\n" + document);
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
    }

    static String document(Compilation compilation) throws IOException {
        assertThat(compilation).succeeded();
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/ward/openapi.json").orElseThrow()
                .getCharContent(true).toString();
    }

    private static Compilation compile(String shape, List<String> options) {
        return Compiler.javac().withProcessors(new WardProcessor()).withOptions(options).compile(sources(shape));
    }

    private static List<JavaFileObject> sources(String shape) {
        List<JavaFileObject> sources = new ArrayList<>();
        try (var files = Files.list(GOLDEN.resolve(shape))) {
            files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(file -> {
                String name = file.getFileName().toString().replace(".java", "");
                String pkg = name.equals("Auth") ? "com.acme.auth." : "com.acme.";
                sources.add(Compile.source(pkg + name, GoldenFilesTest.read(shape + "/" + file.getFileName())));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }
}
