package dev.ward.processor;

import static dev.ward.processor.Compile.assertCompiles;
import static dev.ward.processor.Compile.assertError;
import static dev.ward.processor.Compile.handlers;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Rules about {@code @Compensable} and its compensation method. */
class CompensableRulesTest {

    @Test
    void compensableOnSafeMethod() {
        assertError("Ward/CompensableOnSafeMethod", "@Compensable on GET /a: GET is a safe method", handlers("""
                public class Handlers {
                    @Get("/a") @Compensable(compensate = "undo") public String a() { return "a"; } // <- error
                    public void undo() { }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Delete("/a") @Compensable(compensate = "undo") public void a() { }
                    public void undo() { }
                }
                """));
    }

    @Test
    void compensableAttempts() {
        assertError("Ward/CompensableAttempts", "@Compensable(maxAttempts = 0) would never run the compensation",
                handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "undo", maxAttempts = 0) public void a() { } // <- error
                    public void undo() { }
                }
                """));
        assertError("Ward/CompensableAttempts", "@Compensable(backoffMillis = -1) is negative", handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "undo", backoffMillis = -1) public void a() { } // <- error
                    public void undo() { }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "undo", maxAttempts = 1, backoffMillis = 0) public void a() { }
                    public void undo() { }
                }
                """));
    }

    @Test
    void compensationNotFound() {
        assertError("Ward/CompensationNotFound", "compensation 'relase' names no method of Handlers; did you mean "
                + "'release'?", handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "relase") public void a() { } // <- error
                    public void release() { }
                }
                """));
        assertError("Ward/CompensationNotFound", "compensation 'release' is ambiguous", handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "release") public void a() { } // <- error
                    public void release() { }
                    public void release(CompensationContext context) { }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "release") public void a() { }
                    public void release(CompensationContext context) { }
                    public void releaseAll() { }
                }
                """));
    }

    @Test
    void compensationShape() {
        assertError("Ward/CompensationShape", "compensation undo returns boolean", handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "undo") public void a() { } // <- error
                    public boolean undo() { return true; }
                }
                """));
        assertError("Ward/CompensationShape", "compensation undo is itself a route", handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "undo") public void a() { } // <- error
                    @Post("/undo") public void undo() { }
                }
                """));
        assertError("Ward/CompensationShape", "compensation undo is itself @Compensable", handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "undo") public void a() { } // <- error
                    @Compensable(compensate = "a") public void undo() { }
                }
                """));
        assertError("Ward/CompensationShape", "compensation undo is private; the generated class calls it on the "
                + "handler instance", handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "undo") public void a() { } // <- error
                    private void undo() { }
                }
                """));
        assertError("Ward/CompensationShape", "compensation undo is static; the generated class calls it on the "
                + "handler instance", handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "undo") public void a() { } // <- error
                    public static void undo() { }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "undo") public void a() { }
                    void undo() { }
                }
                """));
    }

    @Test
    void compensationParameter() {
        assertError("Ward/CompensationParameter", "parameter qty of compensation undo is not one of a's bound "
                + "parameters; available: @QueryParam(\"sku\") java.lang.String, @QueryParam(\"quantity\") int",
                handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "undo")
                    public void a(@QueryParam("sku") String sku, @QueryParam("quantity") int quantity) { }
                    public void undo(@QueryParam("sku") String sku,
                                     @QueryParam("qty") int qty) { } // <- error
                }
                """));
        assertError("Ward/CompensationParameter", "compensation undo takes the body, but POST /a has no @ReplayBody",
                handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "undo") public void a(@Body String order) { }
                    public void undo(
                            @Body String order) { } // <- error
                }
                """));
        assertError("Ward/CompensationParameter", "parameter quantity of compensation undo is not one of", handlers("""
                public class Handlers {
                    @Post("/a") @Compensable(compensate = "undo") public void a(@QueryParam("quantity") int quantity) { }
                    public void undo(
                            @QueryParam("quantity") long quantity) { } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Post("/a/{id}") @ReplayBody @Compensable(compensate = "undo")
                    public void a(@PathParam("id") UUID id, @QueryParam("sku") String sku,
                                  @Header("X-Tenant") Optional<String> tenant, @Body String order) { }
                    public void undo(@Header("X-Tenant") Optional<String> tenant, @PathParam("id") UUID id,
                                     CompensationContext context, @Body byte[] order) { }
                }
                """));
    }

    @Test
    void compensationContextOutsideACompensationIsUnbound() {
        assertError("Ward/UnboundParameter", "parameter context of Handlers.a() has no binding annotation", handlers("""
                public class Handlers {
                    @Post("/a") public void a(
                            CompensationContext context) { } // <- error
                }
                """));
    }

    @Test
    void theGeneratedCompensationBindsFromTheCapturedArguments() throws IOException {
        Compilation compilation = assertCompiles(handlers("""
                public class Handlers {
                    @Post("/orders/{id}") @ReplayBody @Compensable(compensate = "release", maxAttempts = 7, backoffMillis = 50)
                    public void place(@PathParam("id") UUID id, @QueryParam("quantity") int quantity,
                                      @Header("X-Tenant") String tenant, @Body String order) { }
                    public void release(@PathParam("id") UUID id, @QueryParam("quantity") int quantity,
                                        @Body byte[] order, CompensationContext context, RequestId requestId) { }
                }
                """));
        String routes = compilation.generatedSourceFile("test.HandlersRoutes").orElseThrow().getCharContent(true)
                .toString();
        assertTrue(routes.contains(".compensable(CompensationSpec.calling(\"release\").maxAttempts(7).backoffMillis(50L)\n"
                + "                    .query(\"quantity\").body(),\n                    new PlaceCompensation())"), routes);
        assertTrue(routes.contains("private final class PlaceCompensation implements Compensation"), routes);
        assertTrue(routes.contains("""
                        UUID id = Bind.toUuid(arguments.pathParam("id"), "path parameter 'id'");
                                    int quantity = Bind.toInt(arguments.requiredQuery("quantity"),
                                            "query parameter 'quantity'");
                                    byte[] order = arguments.bodyBytes();
                                    RequestId requestId = new RequestId(context.idempotencyKey());
                                    handlers.release(id, quantity, order, context, requestId);""".replace("            ", "")
                .replace("\n", "\n            ")), routes);
    }
}
