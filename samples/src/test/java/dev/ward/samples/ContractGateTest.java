package dev.ward.samples;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.ward.processor.WardProcessor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The sample's build runs the breaking-change gate against its committed baseline: a record component changed in
 * a way that breaks callers fails the compilation of the sample's own sources, on that component.
 */
class ContractGateTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path CLASSES = Path.of("target/classes").toAbsolutePath();
    private static final String BASELINE = "-Award.contract.baseline=src/main/contract/openapi.json";

    @Test
    void aNewRequiredPropertyOfTheOrderRequestFailsTheCompilationOnIt() throws IOException {
        JavaFileObject changed = JavaFileObjects.forSourceString("dev.ward.samples.OrderRequest", """
                package dev.ward.samples;

                public record OrderRequest(String sku, int quantity,
                                           String warehouse) {
                }
                """);
        Compilation compilation = compile(changed);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[Ward/BreakingChange] POST /orders: the new property "
                + "OrderRequest.warehouse is required (oasdiff: new-required-request-property)")
                .inFile(changed).onLineContaining("String warehouse");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void anOptionalPropertyPasses() throws IOException {
        assertThat(compile(JavaFileObjects.forSourceString("dev.ward.samples.OrderRequest", """
                package dev.ward.samples;

                public record OrderRequest(String sku, int quantity, java.util.Optional<String> warehouse) {
                }
                """))).succeeded();
    }

    /** The sample's main sources, {@code OrderRequest} replaced by {@code orderRequest}. */
    private static Compilation compile(JavaFileObject orderRequest) throws IOException {
        List<JavaFileObject> sources = new ArrayList<>(List.of(orderRequest));
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith("OrderRequest.java")).sorted().toList()) {
                String name = SOURCES.relativize(file).toString().replace(".java", "").replace('/', '.');
                sources.add(JavaFileObjects.forSourceString(name, Files.readString(file)));
            }
        }
        // The test's class path without the sample's own classes, whose routes classes would be generated again.
        List<File> classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(File::new).filter(entry -> !entry.toPath().toAbsolutePath().equals(CLASSES)).toList();
        return Compiler.javac().withProcessors(new WardProcessor()).withClasspath(classPath).withOptions(BASELINE)
                .compile(sources);
    }
}
