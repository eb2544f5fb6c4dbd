package dev.ward.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partial recompilation (an IDE's, Gradle's) compiles some handler classes into an output directory that holds
 * the others: the document keeps the others' operations from the previous one, so the gate does not report them
 * as removed; a class that is gone loses its operations. Real javac on real directories, as a build runs it.
 */
class PartialRecompilationTest {
    @TempDir
    Path dir;

    @Test
    void operationsOfClassesNotRecompiledAreKeptAndThoseOfDeletedClassesAreNot() throws IOException {
        Path a = source("A", """
                @dev.ward.Get("/a") public String a() { return "a"; }
                """);
        Path b = source("B", """
                public record Stock(String sku, int count) { }
                @dev.ward.Get("/b") public Stock b() { return null; }
                """);
        assertEquals("", javac(List.of(), a, b));
        String full = Files.readString(document());
        Path baseline = Files.writeString(dir.resolve("baseline.json"), full);

        forRecompilation("A");
        a = source("A", """
                @dev.ward.Get("/a") public String a() { return "a"; }
                @dev.ward.Get("/a2") public String a2() { return "a2"; }
                """);
        assertEquals("", javac(List.of("-Award.contract.baseline=" + baseline), a));
        String partial = Files.readString(document());
        assertTrue(partial.contains("\"/a2\""), partial);
        assertTrue(partial.contains("\"/b\"") && partial.contains("\"Stock\": {"), "B's operation and schema: "
                + partial);
        assertEquals("", javac("whole", List.of(), a, b));
        assertEquals(Files.readString(dir.resolve("whole/classes/META-INF/ward/openapi.json")), partial,
                "the same document as a compilation of both");

        Files.delete(dir.resolve("classes/test/B.class"));
        Files.delete(dir.resolve("classes/test/BRoutes.class"));
        forRecompilation("A");
        String errors = javac(List.of("-Award.contract.baseline=" + baseline), a);
        assertTrue(errors.contains("[Ward/BreakingChange] GET /b: the operation b() was removed"), errors);
        assertFalse(Files.readString(document()).contains("\"/b\""));
    }

    /** As Gradle does before it recompiles a class: its class files and what was generated from it go first. */
    private void forRecompilation(String name) throws IOException {
        Files.delete(dir.resolve("classes/test/" + name + ".class"));
        Files.delete(dir.resolve("classes/test/" + name + "Routes.class"));
        Files.delete(dir.resolve("generated/test/" + name + "Routes.java"));
    }

    private Path source(String name, String members) throws IOException {
        Path file = dir.resolve("src/test/" + name + ".java");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "package test;\n\npublic class " + name + " {\n" + members + "}\n");
    }

    private Path document() {
        return dir.resolve("classes/META-INF/ward/openapi.json");
    }

    /** Compiles into {@code classes}, which is on the class path too; returns the errors, one per line. */
    private String javac(List<String> options, Path... sources) throws IOException {
        return javac(".", options, sources);
    }

    private String javac(String root, List<String> options, Path... sources) throws IOException {
        Path out = dir.resolve(root);
        Files.createDirectories(out.resolve("classes"));
        Files.createDirectories(out.resolve("generated"));
        Files.createDirectories(dir.resolve("no-sources"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null,
                StandardCharsets.UTF_8)) {
            List<String> arguments = new ArrayList<>(List.of("-d", out.resolve("classes").toString(), "-cp",
                    System.getProperty("java.class.path") + File.pathSeparator + out.resolve("classes"),
                    "-s", out.resolve("generated").toString(), "-sourcepath", dir.resolve("no-sources").toString()));
            arguments.addAll(options);
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, arguments, null,
                    files.getJavaFileObjects(sources));
            task.setProcessors(List.of(new WardProcessor()));
            task.call();
        }
        StringBuilder errors = new StringBuilder();
        diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .forEach(d -> errors.append(d.getMessage(null)).append('\n'));
        return errors.toString();
    }
}
