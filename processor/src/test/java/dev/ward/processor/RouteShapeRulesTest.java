package dev.ward.processor;

import static dev.ward.processor.Compile.assertCompiles;
import static dev.ward.processor.Compile.assertError;
import static dev.ward.processor.Compile.handlers;

import org.junit.jupiter.api.Test;

/** Rules about the route method and its class: each failing case, and a near miss that must compile. */
class RouteShapeRulesTest {

    @Test
    void routeNotPublic() {
        assertError("Ward/RouteNotPublic", "Handlers.a() is a route but not public", handlers("""
                public class Handlers {
                    @Get("/a") String a() { return "a"; } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                    String notARoute() { return "b"; }
                }
                """));
    }

    @Test
    void routeStatic() {
        assertError("Ward/RouteStatic", "Handlers.a() is static", handlers("""
                public class Handlers {
                    @Get("/a") public static String a() { return "a"; } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") public String a() { return helper(); }
                    static String helper() { return "a"; }
                }
                """));
    }

    @Test
    void routeAbstract() {
        assertError("Ward/RouteAbstract", "Handlers.a() is abstract", handlers("""
                public abstract class Handlers {
                    @Get("/a") public abstract String a(); // <- error
                }
                """));
        assertCompiles(handlers("""
                public abstract class Handlers {
                    @Get("/a") public String a() { return b(); }
                    public abstract String b();
                }
                """));
    }

    @Test
    void routeGeneric() {
        assertError("Ward/RouteGeneric", "declares type parameters <T>", handlers("""
                public class Handlers {
                    @Get("/a") public <T> String a() { return "a"; } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") public String a() { return first(List.of("a")); }
                    private <T> T first(List<T> items) { return items.get(0); }
                }
                """));
    }

    @Test
    void handlerClassAccess() {
        assertError("Ward/HandlerClassAccess", "Inner is private", handlers("""
                public class Handlers {
                    private static class Inner { // <- error
                        @Get("/a") public String a() { return "a"; }
                    }
                }
                """));
        assertError("Ward/HandlerClassAccess", "is an inner (non-static) class", handlers("""
                public class Handlers {
                    public class Inner { // <- error
                        @Get("/a") public String a() { return "a"; }
                    }
                }
                """));
        assertError("Ward/HandlerClassAccess", "declares type parameters", handlers("""
                public class Handlers<T> { // <- error
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertError("Ward/HandlerClassAccess", "Auth is used by generated code, but Auth is private, so the generated "
                + "Routes class cannot use it", handlers("""
                public class Handlers {
                    @Middleware private static class Auth { // <- error
                        public void check() { }
                    }
                    @Get("/a") @Use(Auth.class) public String a() { return "a"; }
                }
                """));
        assertError("Ward/HandlerClassAccess", "Auth is an inner (non-static) class", handlers("""
                public class Handlers {
                    @Middleware class Auth { // <- error
                        public void check() { }
                    }
                    @Get("/a") @Use(Auth.class) public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Middleware static class Auth {
                        public void check() { }
                    }
                    @Get("/a") @Use(Auth.class) public String a() { return "a"; }
                }
                """));
        assertCompiles("test.Handlers_InnerRoutes", handlers("""
                public class Handlers {
                    static class Inner {
                        @Get("/a") public String a() { return "a"; }
                    }
                }
                """));
    }

    @Test
    void multipleRouteAnnotations() {
        assertError("Ward/MultipleRouteAnnotations", "has 2 route annotations", handlers("""
                public class Handlers {
                    @Get("/a") @Post("/a") public String a() { return "a"; } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                    @Post("/a") public String postA() { return a(); }
                }
                """));
    }

    @Test
    void unsupportedReturnType() {
        assertError("Ward/UnsupportedReturnType", "returns java.util.Optional, which Ward cannot write", handlers("""
                public class Handlers {
                    @SuppressWarnings("rawtypes")
                    @Get("/a") public Optional a() { return Optional.empty(); } // <- error
                }
                """));
        assertError("Ward/UnsupportedReturnType", "returns java.util.concurrent.CompletionStage, which Ward cannot "
                + "write", handlers("""
                public class Handlers {
                    @SuppressWarnings("rawtypes")
                    @Get("/a") public CompletionStage a() { return null; } // <- error
                }
                """));
        assertError("Ward/UnsupportedReturnType", "returns java.util.concurrent.CompletableFuture<?>, which Ward cannot "
                + "write", handlers("""
                public class Handlers {
                    @Get("/a") public CompletableFuture<?> a() { return null; } // <- error
                }
                """));
        assertError("Ward/UnsupportedReturnType", "returns java.util.concurrent.CompletionStage<? extends "
                + "java.lang.String>, which Ward cannot write", handlers("""
                public class Handlers {
                    @Get("/a") public CompletionStage<? extends String> a() { return null; } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") public void a() { }
                    @Get("/b") public byte[] b() { return new byte[0]; }
                    @Get("/c") public Response c() { return Response.noContent(); }
                    @Get("/d") public CompletionStage<String> d() { return CompletableFuture.completedFuture("d"); }
                    @Get("/e") public CompletableFuture<Void> e() { return CompletableFuture.completedFuture(null); }
                    @Get("/f") public CompletionStage<Response> f() { return CompletableFuture.completedFuture(Response.noContent()); }
                    @Get("/g") public List<String> g() { return List.of(); }
                    @Get("/h") public CompletionStage<Integer> h() { return CompletableFuture.completedFuture(1); }
                }
                """));
    }

    @Test
    void middlewareWithoutRoute() {
        assertError("Ward/MiddlewareWithoutRoute", "@Recover is on helper(), which is not a route", handlers("""
                public class Handlers {
                    @Get("/a") public String a() { return helper(); }
                    @Recover String helper() { return "a"; } // <- error
                }
                """));
        assertError("Ward/MiddlewareWithoutRoute", "@Traced is on class Handlers, which has no route methods",
                handlers("""
                @Traced // <- error
                public class Handlers {
                    public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                @Traced
                public class Handlers {
                    @Get("/a") @Recover @Timeout(100) public String a() { return "a"; }
                    @Post("/b") @ReplayBody @Compensable(compensate = "undo") public void b() { }
                    public void undo() { }
                }
                """));
    }
}
