package dev.ward.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.ward.processor.Compile.assertCompiles;
import static dev.ward.processor.Compile.assertError;
import static dev.ward.processor.Compile.handlers;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Rules about path templates and their variables. */
class TemplateRulesTest {

    @Test
    void invalidPathTemplate() {
        assertError("Ward/InvalidPathTemplate", "\"orders\" is invalid: it must start with '/'", handlers("""
                public class Handlers {
                    @Get("orders") public String a() { return "a"; } // <- error
                }
                """));
        assertError("Ward/InvalidPathTemplate", "segment '{id' has unbalanced braces", handlers("""
                public class Handlers {
                    @Get("/orders/{id") public String a() { return "a"; } // <- error
                }
                """));
        assertError("Ward/InvalidPathTemplate", "variable '{id}' appears twice", handlers("""
                public class Handlers {
                    @Get("/a/{id}/b/{id}") public String a(@PathParam("id") String id) { return id; } // <- error
                }
                """));
        assertError("Ward/InvalidPathTemplate", "a variable must be a whole segment", handlers("""
                public class Handlers {
                    @Get("/files/{name}.txt") public String a(@PathParam("name") String name) { return name; } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/") public String root() { return "root"; }
                    @Get("/orders/{id}/lines/{line_no}") public String a(@PathParam("id") String id,
                            @PathParam("line_no") int line) { return id + line; }
                    @Get("/files/name.txt") public String b() { return "b"; }
                }
                """));
    }

    @Test
    void duplicateRoute() {
        assertError("Ward/DuplicateRoute", "GET /a/{key} is already served by Handlers.a() (GET /a/{id})", handlers("""
                public class Handlers {
                    @Get("/a/{id}") public String a(@PathParam("id") String id) { return id; }
                    @Get("/a/{key}") public String b(@PathParam("key") String key) { return key; } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a/{id}") public String a(@PathParam("id") String id) { return id; }
                    @Post("/a/{key}") public String b(@PathParam("key") String key) { return key; }
                    @Get("/a/{id}/b") public String c(@PathParam("id") String id) { return id; }
                    @Get("/a/new") public String d() { return "literal beats variable"; }
                }
                """));
    }

    @Test
    void duplicateRouteAcrossClassesIsLeftToTheServer() {
        // A public and an admin server may both serve GET /health from different classes of one module.
        JavaFileObject publicRoutes = Compile.source("test.PublicRoutes", """
                package test;
                public class PublicRoutes {
                    @dev.ward.Get("/health") public String health() { return "up"; }
                }
                """);
        JavaFileObject adminRoutes = Compile.source("test.AdminRoutes", """
                package test;
                public class AdminRoutes {
                    @dev.ward.Get("/health") public String health() { return "up, admin"; }
                }
                """);
        Compilation compilation = Compile.compile(publicRoutes, adminRoutes);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.PublicRoutesRoutes");
        assertThat(compilation).generatedSourceFile("test.AdminRoutesRoutes");
    }

    @Test
    void pathParamWithoutVariable() {
        assertError("Ward/PathParamWithoutVariable",
                "@PathParam(\"ordr\") names no variable of \"/orders/{order}\", which has [order]; did you mean 'order'?",
                handlers("""
                public class Handlers {
                    @Get("/orders/{order}") public String a(
                            @PathParam("order") String order,
                            @PathParam("ordr") String typo) { return order; } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/orders/{order}") public String a(@PathParam("order") String order,
                            @QueryParam("ordr") Optional<String> notAPathParam) { return order; }
                }
                """));
    }

    @Test
    void aMisnamedPathParamIsOneErrorThatSuggestsTheRename() {
        Compilation compilation = assertError("Ward/PathParamWithoutVariable",
                "@PathParam(\"payment_id\") names no variable of \"/payments/{id}\", which has [id]; did you mean 'id'?",
                handlers("""
                public class Handlers {
                    @Get("/payments/{id}") public String a(@PathParam("payment_id") UUID id) { // <- error
                        return id.toString();
                    }
                }
                """));
        assertThat(compilation).hadErrorContaining("Fix: rename it @PathParam(\"id\"), the variable no parameter binds.");
        assertEquals(1, compilation.errors().size(), "one mistake, one error: " + compilation.errors());

        // Among several unbound variables, the closest one to the annotation's value is the one meant.
        compilation = assertError("Ward/PathParamWithoutVariable", "did you mean 'order'?", handlers("""
                public class Handlers {
                    @Get("/orders/{order}/lines/{line}") public String a(
                            @PathParam("ordr") String o, // <- error
                            @PathParam("line") String line) { return o + line; }
                }
                """));
        assertEquals(1, compilation.errors().size(), "one mistake, one error: " + compilation.errors());
    }

    @Test
    void templateVariableWithoutParam() {
        assertError("Ward/TemplateVariableWithoutParam", "template variable {id} of \"/orders/{id}\" is bound by no parameter",
                handlers("""
                public class Handlers {
                    @Get("/orders/{id}") public String a(@QueryParam("id") String id) { return id; } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/orders/{id}") public String a(@PathParam("id") long id) { return "" + id; }
                }
                """));
    }
}
