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

    /** The near miss: it compiles, without warnings from Ward, and generates the routes class. */
    static Compilation assertCompiles(JavaFileObject source) {
        Compilation compilation = compile(source);
        assertThat(compilation).succeeded();
        return compilation;
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
