package dev.ward.processor;

import static dev.ward.processor.Compile.assertCompiles;
import static dev.ward.processor.Compile.assertError;
import static dev.ward.processor.Compile.handlers;

import org.junit.jupiter.api.Test;

/** The rules of {@code @Responds}: each failing case, and the near miss that must still compile. */
class RespondsRulesTest {
    @Test
    void statusThatIsNoHttpStatusOrIsDeclaredTwice() {
        assertError("Ward/RespondsStatus", "@Responds(status = 2001) is not an HTTP status (100-599)", handlers("""
                public class Handlers {
                    @Post("/a")
                    @Responds(status = 2001) // <- error
                    public Response a() { return Response.noContent(); }
                }
                """));
        assertError("Ward/RespondsStatus", "@Responds(status = 201) is declared twice on Handlers.a()", handlers("""
                public class Handlers {
                    @Post("/a")
                    @Responds(status = 201)
                    @Responds(status = 201, description = "again")
                    public Response a() { return Response.noContent(); } // <- error: javac cannot place a repeated one

                }
                """));
    }

    @Test
    void statusThatAReplyCannotCarry() {
        assertError("Ward/RespondsStatus", "@Responds(status = 204) is not an answer a Reply can carry: a 2xx other "
                + "than 204 with the value, or a 4xx or 5xx problem", handlers("""
                public class Handlers {
                    public record Item(String sku) { }
                    @Post("/a")
                    @Responds(status = 204) // <- error
                    public Reply<Item> a() { return Reply.ok(new Item("a")); }
                }
                """));
    }

    @Test
    void respondsOnAResultThatDecidesTheAnswer() {
        assertError("Ward/RespondsOnDeterminedResult", "Handlers.a() returns java.lang.String, which already "
                + "decides its answer; @Responds(status = 201) would only contradict it", handlers("""
                public class Handlers {
                    @Post("/a")
                    @Responds(status = 201) // <- error
                    public String a() { return "a"; }
                }
                """));
        assertError("Ward/RespondsOnDeterminedResult", "its 2xx body is the Reply's value and its 4xx or 5xx body a "
                + "problem, so @Responds(body = java.lang.String) would contradict it", handlers("""
                public class Handlers {
                    public record Item(String sku) { }
                    @Post("/a")
                    @Responds(status = 201, body = String.class) // <- error
                    public Reply<Item> a() { return Reply.ok(new Item("a")); }
                }
                """));
    }

    @Test
    void nearMissesCompile() {
        assertCompiles(handlers("""
                public class Handlers {
                    public record Item(String sku) { }
                    @Post("/a")
                    @Responds(status = 201, body = Item.class, description = "created")
                    @Responds(status = 409)
                    @Responds(status = 100)
                    @Responds(status = 599)
                    public Response a() { return Response.noContent(); }

                    @Post("/b")
                    @Responds(status = 201)
                    @Responds(status = 409, description = "taken")
                    public Reply<Item> b() { return Reply.ok(new Item("b")); }

                    @Get("/c")
                    public String c() { return "c"; }
                }
                """));
    }
}
