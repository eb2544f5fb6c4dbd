package dev.ward.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Names in the generated class cannot collide with each other or with the user's: each case here was a javac
 * error inside generated code, found by mutating valid handler classes.
 */
class GeneratedNamesTest {

    @Test
    void overloadsAndNumberedNamesGetDistinctRouteClasses() {
        // Was: "class A2Route is already defined", once for a(String) and once for a2().
        assertThat(Compile.compile(Compile.handlers("""
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                    @Get("/a/x") public String a(@QueryParam("x") String x) { return x; }
                    @Get("/a2") public String a2() { return "a2"; }
                }
                """))).succeededWithoutWarnings();
    }

    @Test
    void compensableOverloadsGetDistinctCompensationClasses() {
        // Was: "class PlaceCompensation is already defined".
        assertThat(Compile.compile(Compile.handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "undo") public void place() { }
                    @Post("/b") @Compensable(compensate = "undo") public void place(@QueryParam("x") String x) { }
                    public void undo() { }
                }
                """))).succeededWithoutWarnings();
    }

    @Test
    void parametersNamedLikeWhatGeneratedCodeUsesAreRenamed() {
        // Was: raw and done clashed with the lambdas' parameters; Replies and Bind obscured the classes.
        assertThat(Compile.compile(Compile.handlers("""
                public class Handlers {
                    @Get("/a") public String a(@QueryParam("raw") Optional<Integer> raw,
                                               @QueryParam("r") int Replies, @QueryParam("b") long Bind) {
                        return "a";
                    }
                    @Delete("/b") public CompletionStage<Void> b(@QueryParam("done") Optional<Long> done,
                                                                @QueryParam("n") int Objects) {
                        return CompletableFuture.completedFuture(null);
                    }
                }
                """))).succeededWithoutWarnings();
    }

    @Test
    void sameNamedClassesInTheHandlersPackageDoNotShadowJavaLang() {
        // Was: generated "throws Exception" and "@Override" named test.Exception and test.Override.
        Compilation compilation = Compile.compile(
                Compile.source("test.Exception", "package test; public class Exception { }"),
                Compile.source("test.Override", "package test; public @interface Override { }"),
                Compile.source("test.String", "package test; public class String { }"),
                Compile.handlers("""
                        public class Handlers {
                            @Get("/a") public java.lang.String a(@QueryParam("x") java.lang.String x) { return x; }
                        }
                        """));
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void typesNamedLikeGeneratedNestedClassesStayDistinct() {
        assertThat(Compile.compile(
                Compile.source("test.GetRoute", "package test; public enum GetRoute { A }"),
                Compile.source("test.other.Handle", "package test.other; public enum Handle { B }"),
                Compile.handlers("""
                        public class Handlers {
                            @Get("/a") public String get(@QueryParam("r") GetRoute route,
                                                         @QueryParam("h") test.other.Handle handle) { return "a"; }
                        }
                        """))).succeededWithoutWarnings();
    }
}
