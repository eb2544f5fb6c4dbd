package dev.ward.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.ward.processor.Compile.assertCompiles;
import static dev.ward.processor.Compile.assertError;
import static dev.ward.processor.Compile.handlers;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
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
                            @Body Optional<String> body) { return "a"; } // <- error
                }
                """));
        assertError("Ward/UnsupportedParameterType", "@QueryParam parameter q has type java.util.Optional, which Ward "
                + "cannot convert a query parameter to", handlers("""
                public class Handlers {
                    @Get("/a") public String a(
                            @SuppressWarnings("rawtypes") @QueryParam("q") Optional q) { return "a"; } // <- error
                }
                """));
        assertError("Ward/UnsupportedParameterType", "@Header parameter n has type java.util.Optional<? extends "
                + "java.lang.Integer>, which Ward cannot convert a header to", handlers("""
                public class Handlers {
                    @Get("/a") public String a(
                            @Header("X-N") Optional<? extends Integer> n) { return "a"; } // <- error
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

    @Test
    void defaultValueInvalid() {
        assertError("Ward/DefaultValueInvalid", "@QueryParam(\"limit\") of Handlers.a() has defaultValue \"ten\", "
                + "which is not a whole number in the int range", handlers("""
                public class Handlers {
                    @Get("/a") public String a(
                            @QueryParam(value = "limit", defaultValue = "ten") int limit) { return "a"; } // <- error
                }
                """));
        assertError("Ward/DefaultValueInvalid", "defaultValue \"desc\", which is not a constant of Order, which has "
                + "[ASC, DESC]; did you mean 'DESC'?", handlers("""
                public class Handlers {
                    public enum Order { ASC, DESC }
                    @Get("/a") public String a(
                            @QueryParam(value = "order", defaultValue = "desc") Order order) { return "a"; } // <- error
                }
                """));
        assertError("Ward/DefaultValueInvalid", "@Header(\"X-Trace\") of Handlers.a() has defaultValue \"yes\", "
                + "which is neither true nor false", handlers("""
                public class Handlers {
                    @Get("/a") public String a(
                            @Header(value = "X-Trace", defaultValue = "yes") Boolean trace) { return "a"; } // <- error
                }
                """));
        assertError("Ward/DefaultValueInvalid", "is not a UUID in its canonical 36-character form", handlers("""
                public class Handlers {
                    @Get("/a") public String a(
                            @Header(value = "X-Tenant", defaultValue = "1-2-3-4-5") UUID tenant) { return "a"; } // <- error
                }
                """));
        Compilation optional = assertError("Ward/DefaultValueInvalid", "@QueryParam(\"page\") of Handlers.a() has a "
                + "defaultValue, but is an Optional: with a default it would never be empty, so the default is pointless",
                handlers("""
                public class Handlers {
                    @Get("/a") public String a(
                            @QueryParam(value = "page", defaultValue = "1") Optional<Integer> page) { return "a"; } // <- error
                }
                """));
        assertThat(optional).hadErrorContaining("Fix: drop defaultValue to tell absent from present, or declare page "
                + "as java.lang.Integer to use the default.");
        assertCompiles(handlers("""
                public class Handlers {
                    public enum Order { ASC, DESC }
                    @Get("/a") public String a(@QueryParam(value = "limit", defaultValue = "20") int limit,
                            @QueryParam(value = "offset", defaultValue = "-9223372036854775808") long offset,
                            @QueryParam(value = "all", defaultValue = "TRUE") boolean all,
                            @QueryParam(value = "order", defaultValue = "DESC") Order order,
                            @QueryParam(value = "q", defaultValue = "") String q,
                            @QueryParam(value = "required", defaultValue = QueryParam.NO_DEFAULT) String required,
                            @Header(value = "X-Tenant", defaultValue = "123e4567-e89b-12d3-a456-426614174000") UUID t,
                            @Header(value = "X-Limit", defaultValue = "5") Integer headerLimit) { return "a"; }
                }
                """));
    }

    @Test
    void theProcessorKnowsTheNoDefaultSentinel() {
        assertEquals(dev.ward.QueryParam.NO_DEFAULT, Names.NO_DEFAULT);
        assertEquals(dev.ward.QueryParam.NO_DEFAULT, dev.ward.Header.NO_DEFAULT);
    }
}
