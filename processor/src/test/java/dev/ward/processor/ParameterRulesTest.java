package dev.ward.processor;

import static dev.ward.processor.Compile.assertCompiles;
import static dev.ward.processor.Compile.assertError;
import static dev.ward.processor.Compile.handlers;

import org.junit.jupiter.api.Test;

/** Rules about handler parameters. */
class ParameterRulesTest {

    @Test
    void conflictingBindings() {
        assertError("Ward/ConflictingBindings", "parameter id has @PathParam and @QueryParam", handlers("""
                public class Handlers {
                    @Get("/a/{id}") public String a(
                            @PathParam("id") @QueryParam("id") String id) { return id; } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a/{id}") public String a(@PathParam("id") String id,
                            @QueryParam("id") Optional<String> queryId) { return id; }
                }
                """));
    }

    @Test
    void unboundParameter() {
        assertError("Ward/UnboundParameter", "parameter limit of Handlers.a() has no binding annotation", handlers("""
                public class Handlers {
                    @Get("/a") public String a(
                            int limit) { return "a"; } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Get("/a") public String a(@QueryParam("limit") int limit, Deadline deadline, RequestId id,
                            io.undertow.server.HttpServerExchange exchange) { return "a" + id.value(); }
                }
                """));
    }

    @Test
    void unsupportedParameterType() {
        assertError("Ward/UnsupportedParameterType", "@QueryParam parameter ids has type java.util.List<java.lang.String>",
                handlers("""
                public class Handlers {
                    @Get("/a") public String a(
                            @QueryParam("ids") List<String> ids) { return "a"; } // <- error
                }
                """));
        assertError("Ward/UnsupportedParameterType", "cannot be empty: a path variable is always present", handlers("""
                public class Handlers {
                    @Get("/a/{id}") public String a(
                            @PathParam("id") Optional<String> id) { return "a"; } // <- error
                }
                """));
        assertError("Ward/UnsupportedParameterType", "is not a body type", handlers("""
                public class Handlers {
                    @Post("/a") public String a(
                            @Body int body) { return "a"; } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    public enum Color { RED, GREEN }
                    @Get("/a/{id}/{n}/{big}/{on}/{color}") public String a(@PathParam("id") UUID id,
                            @PathParam("n") int n, @PathParam("big") Long big, @PathParam("on") boolean on,
                            @PathParam("color") Color color, @QueryParam("q") Optional<Integer> q,
                            @QueryParam("b") Optional<Boolean> b, @Header("X-Color") Optional<Color> headerColor,
                            @Header("X-Id") UUID headerId) { return "a"; }
                    @Post("/b") public String b(@Body byte[] body) { return "b"; }
                    @Post("/c") public String c(@Body InputStream body) { return "c"; }
                    @Post("/d") public String d(@Body String body) { return "d"; }
                }
                """));
    }

    @Test
    void multipleBodies() {
        assertError("Ward/MultipleBodies", "takes the body twice, as text and as bytes", handlers("""
                public class Handlers {
                    @Post("/a") public String a(@Body String text,
                            @Body byte[] bytes) { return text; } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Post("/a") public String a(@Body String text, @Header("Content-Type") Optional<String> type) {
                        return text;
                    }
                }
                """));
    }
}
