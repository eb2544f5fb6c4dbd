package dev.ward.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.ward.processor.Compile.assertCompiles;
import static dev.ward.processor.Compile.assertError;
import static dev.ward.processor.Compile.handlers;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Rules about what generated code must be able to do: name the user's types, and call the user's methods. */
class GeneratedCodeRulesTest {

    @Test
    void throwsThrowable() {
        // Was: "unreported exception Throwable" in generated code, for each of these methods.
        assertError("Ward/ThrowsThrowable", "Handlers.a() declares throws java.lang.Throwable", handlers("""
                public class Handlers {
                    @Get("/a") public String a() throws Throwable { return "a"; } // <- error
                }
                """));
        assertError("Ward/ThrowsThrowable", "Handlers.busy() declares throws java.lang.Throwable", handlers("""
                public class Handlers {
                    @Get("/a") @Timeout(value = 100, fallback = "busy") public String a() { return "a"; }
                    public String busy() throws Throwable { return "busy"; } // <- error
                }
                """));
        assertError("Ward/ThrowsThrowable", "Handlers.undo() declares throws java.lang.Throwable", handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "undo") public void a() { }
                    public void undo() throws Throwable { } // <- error
                }
                """));
        assertError("Ward/ThrowsThrowable", "Auth.check() declares throws test.Handlers.Odd", handlers("""
                public class Handlers {
                    static class Odd extends Throwable { }
                    @Middleware public static class Auth {
                        public void check() throws Odd { } // <- error
                    }
                    @Get("/a") @Use(Auth.class) public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Middleware public static class Auth {
                        public void check() throws java.io.IOException, StackOverflowError { }
                    }
                    @Get("/a") @Use(Auth.class) @Timeout(value = 100, fallback = "busy")
                    public String a() throws Exception { return "a"; }
                    public String busy() throws InterruptedException { return "busy"; }
                    @Post("/b") @Compensable(compensate = "undo") public void b() throws RuntimeException { }
                    public void undo() throws Exception { }
                }
                """));
    }

    @Test
    void generatedNameTaken() {
        // Was: [Ward/InternalError] FilerException: Attempt to recreate a file for type test.HandlersRoutes.
        JavaFileObject source = handlers("""
                public class Handlers { // <- error
                    @Get("/a") public String a() { return "a"; }
                }
                """);
        Compilation compilation = Compile.compile(source,
                Compile.source("test.HandlersRoutes", "package test; public class HandlersRoutes { }"));
        GeneratesOnlyWhatCompilesTest.assertOnlyWardErrors(compilation, "[Ward/GeneratedNameTaken] Ward generates "
                + "the routes class of Handlers as test.HandlersRoutes, but a class of that name already exists");
        assertThat(compilation).hadErrorContaining("Ward/GeneratedNameTaken").inFile(source)
                .onLine(Compile.markedLine(source));
        assertError("Ward/GeneratedNameTaken", "the context key class of Tenant as test.TenantKey", handlers("""
                @ContextValue record Tenant(String name) {} // <- error
                class TenantKey { }
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                @ContextValue record Tenant(String name) {}
                class TenantKeys { }
                class HandlerRoutes { }
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
    }

    @Test
    void typeNotAccessiblePrivateNestedTypes() {
        // Was: "Handlers.Status has private access" in generated code.
        assertError("Ward/TypeNotAccessible", "parameter status has type java.util.Optional<test.Handlers.Status>, "
                + "but test.Handlers.Status is private, so the generated routes class cannot name it", handlers("""
                public class Handlers {
                    private enum Status { OPEN }
                    @Get("/a") public String a(
                            @QueryParam("s") Optional<Status> status) { return "a"; } // <- error
                }
                """));
        assertError("Ward/TypeNotAccessible", "@ContextValue Tenant test.Handlers.Tenant is private, so its "
                + "generated key class cannot name it", handlers("""
                public class Handlers {
                    @ContextValue private record Tenant(String name) {} // <- error
                    @Middleware public static class TenantOf {
                        public Tenant resolve(@Header("X-Tenant") String name) { return new Tenant(name); }
                    }
                    @Get("/a") @Use(TenantOf.class) public String a(Tenant tenant) { return tenant.name(); }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    enum Status { OPEN }
                    protected enum Kind { BIG }
                    @ContextValue record Tenant(String name) {}
                    @Middleware public static class TenantOf {
                        public Tenant resolve(@Header("X-Tenant") String name) { return new Tenant(name); }
                    }
                    @Get("/a") @Use(TenantOf.class)
                    public String a(@QueryParam("s") Status status, @QueryParam("k") Optional<Kind> kind,
                                    Tenant tenant) { return "a"; }
                }
                """));
    }

    @Test
    void typeNotAccessiblePackagePrivateTypesOfPublicMiddlewareInAnotherPackage() {
        // Was: "Principal is not public in test.auth; cannot be accessed from outside package" in generated code.
        JavaFileObject auth = Compile.source("test.auth.Auth", """
                package test.auth;
                import dev.ward.*;
                @ContextValue record Principal(String user) {}
                enum Role { ADMIN }
                @Middleware public class Auth {
                    public Principal check(@Header("X-Role") Role role) { return new Principal(role.name()); }
                }
                """);
        JavaFileObject source = handlers("""
                public class Handlers {
                    @Get("/a") @Use(test.auth.Auth.class) // <- error
                    public String a() { return "a"; }
                }
                """);
        Compilation compilation = Compile.compile(auth, source);
        GeneratesOnlyWhatCompilesTest.assertOnlyWardErrors(compilation, "[Ward/TypeNotAccessible] middleware Auth "
                + "passes a test.auth.Role, but test.auth.Role is package-private in test.auth, so the generated "
                + "routes class of Handlers cannot name it");
        assertThat(compilation).hadErrorContaining("passes a test.auth.Principal").inFile(source)
                .onLine(Compile.markedLine(source));
        assertThat(compilation).hadErrorContaining("Fix: make Principal public.");
    }
}
