package dev.ward.processor;

import static dev.ward.processor.Compile.assertCompiles;
import static dev.ward.processor.Compile.assertError;
import static dev.ward.processor.Compile.handlers;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The rules of JSON bodies and results: each failing case, and the near miss that must still compile. */
class JsonRulesTest {
    private static final String TYPES = """
            public record Item(String sku, int quantity) { }
            public enum Colour { RED, GREEN }
            public static final class Money {
                private final long cents;
                private final String currency;
                public Money(long cents, String currency) { this.cents = cents; this.currency = currency; }
                public long cents() { return cents; }
                public String currency() { return currency; }
            }
            public static class Bean {
                private String name;
                public void setName(String name) { this.name = name; }
            }
            public interface Shape { }
            public static abstract class Base { }
            """;

    /** {@code test.Handlers} with the types above and {@code members}, which end with the class's closing brace. */
    private static JavaFileObject withTypes(String members) {
        return handlers("public class Handlers {\n" + TYPES + members);
    }

    @Test
    void bodyThatCannotBeAJsonValue() {
        assertError("Ward/NotJsonValue", "@Body parameter shape of Handlers.a() cannot be read from JSON: Shape is an "
                + "interface", withTypes("""
                    @Post("/a") public String a(
                            @Body Shape shape) { return "a"; } // <- error
                }
                """));
        assertError("Ward/NotJsonValue", "Base is an abstract class", withTypes("""
                    @Post("/a") public String a(
                            @Body Base base) { return "a"; } // <- error
                }
                """));
        assertError("Ward/NotJsonValue", "T is a type variable, which is erased at run time", handlers("""
                public class Handlers {
                    @Post("/a") public <T> String a(
                            @Body List<T> body) { return "a"; } // <- error
                }
                """));
        assertError("Ward/NotJsonValue", "java.util.List is a raw type: its elements have no type", withTypes("""
                    @Post("/a") public String a(
                            @SuppressWarnings("rawtypes") @Body List items) { return "a"; } // <- error
                }
                """));
        assertError("Ward/NotJsonValue", "java.util.Map<java.lang.Integer,test.Handlers.Item> has keys that are not "
                + "String: JSON object keys are strings", withTypes("""
                    @Post("/a") public String a(
                            @Body Map<Integer, Item> items) { return "a"; } // <- error
                }
                """));
        assertError("Ward/NotJsonValue", "Bean is neither a record, an enum nor a final class with a constructor "
                + "taking every field (a class set through setters is not read)", withTypes("""
                    @Post("/a") public String a(
                            @Body List<Bean> beans) { return "a"; } // <- error
                }
                """));
    }

    @Test
    void resultThatCannotBeAJsonValue() {
        assertError("Ward/NotJsonValue", "Handlers.a() returns java.util.Optional<test.Handlers.Shape>, which cannot "
                + "be written as JSON: Shape is an interface", withTypes("""
                    @Get("/a") public Optional<Shape> a() { return Optional.empty(); } // <- error
                }
                """));
        assertError("Ward/NotJsonValue", "Handlers.a() returns java.util.concurrent.CompletionStage<java.util.Map<"
                + "java.util.UUID,test.Handlers.Item>>, which cannot be written as JSON", withTypes("""
                    @Get("/a") public CompletionStage<Map<UUID, Item>> a() { return null; } // <- error
                }
                """));
        assertError("Ward/NotJsonValue", "Handlers.a() returns dev.ward.Reply<test.Handlers.Base>, which cannot be "
                + "written as JSON: Base is an abstract class", withTypes("""
                    @Get("/a") public Reply<Base> a() { return null; } // <- error
                }
                """));
        assertError("Ward/UnsupportedReturnType", "returns dev.ward.Reply, which Ward cannot write", handlers("""
                public class Handlers {
                    @SuppressWarnings("rawtypes")
                    @Get("/a") public Reply a() { return null; } // <- error
                }
                """));
    }

    @Test
    void everyDataShapeCompiles() {
        assertCompiles(withTypes("""
                    @Post("/a") public Item a(@Body Item item) { return item; }
                    @Put("/b") public List<Item> b(@Body List<Item> items) { return items; }
                    @Patch("/c") public Set<Colour> c(@Body Set<Colour> colours) { return colours; }
                    @Post("/d") public Map<String, List<Money>> d(@Body Map<String, List<Money>> money) {
                        return money;
                    }
                    @Get("/e") public Optional<Money> e() { return Optional.empty(); }
                    @Get("/f") public CompletionStage<List<Item>> f() { return null; }
                    @Get("/g") public CompletionStage<Optional<Item>> g() { return null; }
                    @Post("/h") public Colour h(@Body Colour colour) { return colour; }
                    @Post("/i") public Reply<Item> i(@Body Item item) { return Reply.created("/i/1", item); }
                    @Get("/j") public CompletionStage<Reply<List<Item>>> j() { return null; }
                }
                """));
    }

    @Test
    void jsonBodyOnBodilessMethod() {
        assertError("Ward/JsonBodyOnBodilessMethod", "@Body parameter item of GET /a: GET requests have no body to "
                + "read a test.Handlers.Item from", withTypes("""
                    @Get("/a") public String a(
                            @Body Item item) { return "a"; } // <- error
                }
                """));
        assertError("Ward/JsonBodyOnBodilessMethod", "DELETE requests have no body", withTypes("""
                    @Delete("/a") public void a(
                            @Body Item item) { } // <- error
                }
                """));
        assertCompiles(withTypes("""
                    @Get("/a") public Item a(@QueryParam("sku") String sku) { return new Item(sku, 1); }
                    @Delete("/b") public void b(@Body byte[] reason) { }
                }
                """));
    }

    @Test
    void replayedJsonBodyCompiles() {
        assertCompiles(withTypes("""
                    @Post("/a") @ReplayBody(maxBytes = 1024) public Item a(@Body Item item) { return item; }
                }
                """));
    }

    @Test
    void middlewareTakesNoJsonBody() {
        assertError("Ward/UnsupportedParameterType", "@Body parameter item has type test.Handlers.Item, which is not "
                + "a body type", withTypes("""
                    @Middleware public static final class Audit {
                        public void audit(
                                @Body Item item) { } // <- error
                    }
                    @Post("/a") @Use(Audit.class) public String a(@Body byte[] body) { return "a"; }
                }
                """));
    }

    @Test
    void resultTypeMustBeNameable() {
        assertError("Ward/TypeNotAccessible", "a returns test.Handlers.Item, but test.Handlers.Item is private",
                handlers("""
                public class Handlers {
                    private record Item(String sku) { }
                    @Get("/a") public Item a() { return new Item("a"); } // <- error
                }
                """));
    }
}
