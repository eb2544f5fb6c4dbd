package dev.ward.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.ward.processor.Compile.assertError;
import static dev.ward.processor.Compile.handlers;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Ward writes a routes class only when the whole of it will compile, and waits for types other processors
 * generate: a user sees Ward's errors, or javac's about their own code, never one inside generated code.
 */
class GeneratesOnlyWhatCompilesTest {

    @Test
    void aBrokenContextValueInAnotherPackageWithholdsTheRoutesThatUseIt() {
        // Was: TenantKey withheld, HandlersRoutes written anyway: "cannot find symbol TenantKey".
        Compilation compilation = Compile.compile(
                Compile.source("test.values.Tenant", """
                        package test.values;
                        @dev.ward.ContextValue public class Tenant { public final String name = "t"; }
                        """),
                Compile.source("test.values.TenantOf", """
                        package test.values;
                        @dev.ward.Middleware public class TenantOf {
                            public Tenant resolve(@dev.ward.Header("X-Tenant") String name) { return new Tenant(); }
                        }
                        """),
                handlers("""
                        public class Handlers {
                            @Get("/a") @Use(test.values.TenantOf.class)
                            public String a(test.values.Tenant tenant) { return tenant.name; }
                        }
                        """));
        assertOnlyWardErrors(compilation, "[Ward/ContextValueShape] @ContextValue Tenant is a class");
    }

    @Test
    void contextValuesWithTheSameSimpleNameAreDifferentValues() {
        // Was: A.Id produced counted as B.Id, and the generated call passed null for it.
        assertError("Ward/ContextValueNotProduced", "Handlers.a() takes Id id, but no middleware in the chain of "
                + "GET /a produces a Id", handlers("""
                public class Handlers {
                    public static class A { @ContextValue public record Id(String value) {} }
                    public static class B { @ContextValue public record Id(String value) {} }
                    @Middleware public static class MakesA {
                        public A.Id make(@Header("X-Id") String id) { return new A.Id(id); }
                    }
                    @Get("/a") @Use(MakesA.class) public String a(B.Id id) { return "a"; } // <- error
                }
                """));
    }

    @Test
    void waitsForTypesAnotherProcessorGeneratesInMiddlewareFallbacksCompensationsAndValues() {
        // Was: the middleware's Role, unresolved in the first round, reported as a type Ward cannot convert.
        Compilation compilation = Compiler.javac().withProcessors(new WardProcessor(), new GeneratesInFirstRound(Map.of(
                        "test.gen.Role", "package test.gen; public enum Role { ADMIN, USER }",
                        "test.gen.Refused", "package test.gen; public class Refused extends Exception { }")))
                .compile(handlers("""
                        import test.gen.*;

                        public class Handlers {
                            @ContextValue public record Access(Role role) {}

                            @Middleware public static class Auth {
                                public Access check(@Header("X-Role") Role role) { return new Access(role); }
                            }

                            @Post("/a") @Use(Auth.class) @Timeout(value = 100, fallback = "busy")
                            @Compensable(compensate = "undo")
                            public String a(Access access, @QueryParam("n") String n) { return n; }

                            public String busy(Access access, String n) throws Refused { return "busy"; }

                            public void undo(@QueryParam("n") String n) throws Refused { }
                        }
                        """));
        assertThat(compilation).succeededWithoutWarnings();
        assertTrue(compilation.generatedSourceFile("test.HandlersRoutes").isPresent());
        assertTrue(compilation.generatedSourceFile("test.Handlers_AccessKey").isPresent());
    }

    @Test
    void anUnresolvedCompensationParameterIsLeftToJavac() {
        // Was: [Ward/InternalError] unsupported type reached the writer.
        Compilation compilation = Compile.compile(handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "undo") public void a(@QueryParam("amount") long amount) { }
                    public void undo(@QueryParam("amount") Lon amount) { }
                }
                """));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol");
        assertTrue(compilation.errors().stream().noneMatch(error -> error.getMessage(null).contains("[Ward/")),
                "javac's error alone, nothing from Ward on top: " + compilation.errors());
    }

    /** Failed with {@code expected}, and with no other errors than Ward's: none in generated code. */
    static void assertOnlyWardErrors(Compilation compilation, String expected) {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(expected);
        for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
            assertTrue(error.getMessage(null).startsWith("[Ward/"), "only Ward's errors: " + compilation.errors());
        }
    }

    /** Another processor: generates the given sources in its first round, as code generators do. */
    private static final class GeneratesInFirstRound extends AbstractProcessor {
        private final Map<String, String> sources;
        private boolean done;

        GeneratesInFirstRound(Map<String, String> sources) {
            this.sources = sources;
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                sources.forEach((name, text) -> {
                    try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                        writer.write(text);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            return false;
        }
    }
}
