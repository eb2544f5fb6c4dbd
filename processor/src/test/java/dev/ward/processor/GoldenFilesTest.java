package dev.ward.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What users read in their IDE: the generated class for each shape of handler class, compared whole with a
 * committed file under {@code src/test/resources/golden}. After an intended change to the output, regenerate
 * them with {@code -Dward.golden.update=true} and review the diff like any other change.
 */
class GoldenFilesTest {
    static final String UPDATE = "ward.golden.update";
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(strings = {"plain", "annotations", "middleware", "nonblocking", "json", "faulttolerance", "overload"})
    void generatedClassMatchesTheGoldenFile(String shape) throws IOException {
        JavaFileObject source = Compile.source("com.acme.Orders", read(shape + "/Orders.java"));
        List<JavaFileObject> sources = "middleware".equals(shape)
                ? List.of(source, Compile.source("com.acme.auth.Auth", read(shape + "/Auth.java"))) : List.of(source);
        Compilation compilation = Compile.compile(sources.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        String generated = compilation.generatedSourceFile("com.acme.OrdersRoutes").orElseThrow()
                .getCharContent(true).toString();

        assertWithinLineLimit("OrdersRoutes (" + shape + ")", generated);
        for (String forbidden : Set.of("java.lang.reflect", "getMethod(", ".invoke(", "Object[]", "Class.forName")) {
            assertFalse(generated.contains(forbidden), "generated code must not use " + forbidden);
        }
        Path expected = GOLDEN.resolve(shape + "/OrdersRoutes.java.txt");
        if (Boolean.getBoolean(UPDATE)) {
            Files.writeString(expected, generated, StandardCharsets.UTF_8);
            return;
        }
        String golden = Files.exists(expected) ? Files.readString(expected, StandardCharsets.UTF_8) : "";
        if (!golden.equals(generated)) {
            fail("generated OrdersRoutes for '" + shape + "' differs from " + expected + "\n"
                    + diff(golden, generated) + "\nIf the change is intended, regenerate the golden files with "
                    + "mvn -B -o test -pl processor -am -Dtest=GoldenFilesTest -Dsurefire.failIfNoSpecifiedTests=false "
                    + "-D" + UPDATE + "=true, and review their diff.");
        }
    }

    /** Generated code is read like handwritten code: no line wider than 120 columns. */
    static void assertWithinLineLimit(String name, String source) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].length() > 120) {
                fail(name + " line " + (i + 1) + " has " + lines[i].length() + " columns, over 120:\n" + lines[i]);
            }
        }
    }

    static String read(String resource) {
        try {
            return Files.readString(GOLDEN.resolve(resource), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The changed lines between the first and the last difference, as {@code -expected} and {@code +actual}. */
    private static String diff(String expected, String actual) {
        String[] before = expected.split("\n", -1);
        String[] after = actual.split("\n", -1);
        int start = 0;
        while (start < before.length && start < after.length && before[start].equals(after[start])) {
            start++;
        }
        int endBefore = before.length - 1;
        int endAfter = after.length - 1;
        while (endBefore >= start && endAfter >= start && before[endBefore].equals(after[endAfter])) {
            endBefore--;
            endAfter--;
        }
        StringBuilder diff = new StringBuilder("@@ line " + (start + 1) + " @@\n");
        for (int i = start; i <= endBefore; i++) {
            diff.append('-').append(before[i]).append('\n');
        }
        for (int i = start; i <= endAfter; i++) {
            diff.append('+').append(after[i]).append('\n');
        }
        return diff.toString();
    }
}
