package dev.ward.processor;

import static dev.ward.processor.Compile.assertCompiles;
import static dev.ward.processor.Compile.assertError;
import static dev.ward.processor.Compile.handlers;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Rules about {@code @Traced}. */
class TracedRulesTest {

    @Test
    void tracedName() throws IOException {
        assertError("Ward/TracedName", "@Traced(\"Orders-Get\") is not a valid observation name: it must match "
                + "[a-z][a-z0-9_.]*", handlers("""
                public class Handlers {
                    @Get("/a") @Traced("Orders-Get") public String a() { return "a"; } // <- error
                }
                """));
        assertError("Ward/TracedName", "@Traced(\"orders.{id}\") contains a path variable", handlers("""
                @Traced("orders.{id}") // <- error
                public class Handlers {
                    @Get("/a/{id}") public String a(@PathParam("id") String id) { return id; }
                    @Get("/b/{id}") public String b(@PathParam("id") String id) { return id; }
                }
                """));
        Compilation compilation = assertCompiles(handlers("""
                @Traced
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                    @Get("/b") @Traced("orders.lookup_v2") public String b() { return "b"; }
                }
                """));
        String routes = compilation.generatedSourceFile("test.HandlersRoutes").orElseThrow().getCharContent(true)
                .toString();
        assertTrue(routes.contains("registry.route(\"GET\", \"/a\")\n            .traced(\"\")"), routes);
        assertTrue(routes.contains(".traced(\"orders.lookup_v2\")"), routes);
    }
}
