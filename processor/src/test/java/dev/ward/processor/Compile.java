package dev.ward.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Compiles test sources with Ward's processor, and asserts what a user would see. */
final class Compile {
    /** Marks the line an error must be reported on: {@code // <- error}. */
    static final String MARK = "// <- error";

    private Compile() {
    }

    static JavaFileObject source(String qualifiedName, String text) {
        return JavaFileObjects.forSourceString(qualifiedName, text);
    }

    /** A class {@code test.Handlers} with the given imports-free body; dev.ward.* and java.util.* are imported. */
    static JavaFileObject handlers(String body) {
        return source("test.Handlers", """
                package test;

                import dev.ward.*;
                import java.util.*;
                import java.util.concurrent.*;
                import java.io.InputStream;

                """ + body);
    }

    static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new WardProcessor()).compile(sources);
    }

    /** The compilation fails with the rule's error, containing {@code text}, on the marked line. */
    static Compilation assertError(String ruleId, String text, JavaFileObject source) {
        Compilation compilation = compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[" + ruleId + "]").inFile(source).onLine(markedLine(source));
        assertThat(compilation).hadErrorContaining(text);
        List<Diagnostic<? extends JavaFileObject>> errors = compilation.errors();
        assertTrue(errors.stream().allMatch(e -> e.getMessage(null).contains("Fix: ")),
                "every error carries a one-line fix: " + errors);
        // Generated code for a broken class would add javac errors of its own; every error must be Ward's.
        assertTrue(errors.stream().allMatch(e -> e.getMessage(null).startsWith("[Ward/")),
                "only Ward's errors, nothing generated for javac to trip over: " + errors);
        return compilation;
    }

    /**
     * The near miss: it compiles, Ward reports nothing about it (no error, warning or note), and the routes class
     * of the source's top-level class ({@code test.HandlersRoutes} for {@code test.Handlers}) is generated.
     */
    static Compilation assertCompiles(JavaFileObject source) {
        return assertCompiles(topLevelClassName(source) + "Routes", source);
    }

    /** {@link #assertCompiles(JavaFileObject)} for routes in a nested class: {@code test.Handlers_InnerRoutes}. */
    static Compilation assertCompiles(String routesClass, JavaFileObject source) {
        Compilation compilation = compile(source);
        assertThat(compilation).succeeded();
        List<String> fromWard = compilation.diagnostics().stream().map(d -> d.getMessage(null))
                .filter(message -> message.contains("[Ward/")).toList();
        assertTrue(fromWard.isEmpty(), "Ward reported nothing: " + fromWard);
        assertThat(compilation).generatedSourceFile(routesClass);
        return compilation;
    }

    /** {@code test.Handlers} for the source created as {@code source("test.Handlers", ...)}. */
    private static String topLevelClassName(JavaFileObject source) {
        String path = source.toUri().getPath().replaceFirst("^/", "");
        return path.substring(0, path.length() - JavaFileObject.Kind.SOURCE.extension.length()).replace('/', '.');
    }

    static int markedLine(JavaFileObject source) {
        try {
            String[] lines = source.getCharContent(true).toString().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(MARK)) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no line is marked with " + MARK);
    }
}
