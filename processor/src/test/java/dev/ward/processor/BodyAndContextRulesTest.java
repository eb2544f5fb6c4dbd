package dev.ward.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.ward.processor.Compile.assertCompiles;
import static dev.ward.processor.Compile.assertError;
import static dev.ward.processor.Compile.handlers;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Rules about bodies read twice, context values, middleware and shared state. */
class BodyAndContextRulesTest {
    /** Middleware and values the tests share; each test adds its handler class after these. */
    private static final String PRELUDE = """
            @ContextValue record UserId(String value) {}
            @ContextValue record Tenant(String name, UserId owner) {}
            @Middleware class Auth {
                public UserId authenticate(@Header("Authorization") String token) { return new UserId(token); }
            }
            @Middleware class TenantOf {
                public Tenant resolve(UserId user, @Header("X-Tenant") String name) { return new Tenant(name, user); }
            }
            @Middleware class Audit {
                public void record(@Body String body) { }
            }
            """;

    @Test
    void replayBodyOnBodilessMethod() {
        assertError("Ward/ReplayBodyOnBodilessMethod", "@ReplayBody on GET /a: GET requests have no body to replay",
                handlers("""
                public class Handlers {
                    @Get("/a") @ReplayBody public String a() { return "a"; } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Put("/a") @ReplayBody public String a(@Body String body) { return body; }
                }
                """));
    }

    @Test
    void replayBodyMaxBytes() {
        assertError("Ward/ReplayBodyMaxBytes", "@ReplayBody(maxBytes = 0) must be between 1 and 67108864 (64 MiB)",
                handlers("""
                public class Handlers {
                    @Post("/a") @ReplayBody(maxBytes = 0) public String a(@Body String body) { return body; } // <- error
                }
                """));
        assertError("Ward/ReplayBodyMaxBytes", "@ReplayBody(maxBytes = 67108865)", handlers("""
                public class Handlers {
                    @Post("/a") @ReplayBody(maxBytes = (64 << 20) + 1) public String a(@Body String b) { return b; } // <- error
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    @Post("/a") @ReplayBody(maxBytes = 64 << 20) public String a(@Body String body) { return body; }
                }
                """));
    }

    @Test
    void bodyConsumedTwice() {
        assertError("Ward/BodyConsumedTwice", "POST /a reads its body twice: middleware Audit (@Body body) and the "
                + "handler (@Body payload); without @ReplayBody the second would see an empty body", handlers(PRELUDE + """
                public class Handlers {
                    @Post("/a") @Use(Audit.class) public String a(@Body String payload) { return payload; } // <- error
                }
                """));
        assertCompiles(handlers(PRELUDE + """
                public class Handlers {
                    @Post("/a") @Use(Audit.class) @ReplayBody public String a(@Body String payload) { return payload; }
                    @Post("/b") @Use(Audit.class) public String b() { return "b"; }
                }
                """));
    }

    @Test
    void contextValueShape() {
        assertError("Ward/ContextValueShape", "@ContextValue Session is a class, not a record or final class",
                handlers("""
                @ContextValue class Session { final String id = "x"; } // <- error
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                @ContextValue final class Session { private final String id; Session(String id) { this.id = id; } }
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
    }

    @Test
    void contextValueField() {
        assertError("Ward/ContextValueField", "@ContextValue Session.roles has type java.util.ArrayList<java.lang.String>: "
                + "Ward makes only List, Set and Map immutable (it copies them)", handlers("""
                @ContextValue record Session(String id,
                        ArrayList<String> roles) {} // <- error
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertError("Ward/ContextValueField", "@ContextValue Session.grants has type java.util.Map<java.lang.String,"
                + "java.util.List<java.lang.Object>>: it holds java.util.List<java.lang.Object>: it holds "
                + "java.lang.Object: Ward cannot tell that it is immutable", handlers("""
                @ContextValue record Session(String id,
                        Map<String, List<Object>> grants) {} // <- error
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertError("Ward/ContextValueField", "has type java.util.List: a raw List says nothing about what it holds",
                handlers("""
                @ContextValue record Session(
                        @SuppressWarnings("rawtypes") List roles) {} // <- error
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertError("Ward/ContextValueField", "it holds ? extends java.lang.CharSequence: a type variable or wildcard "
                + "promises nothing about mutability", handlers("""
                @ContextValue record Session(
                        Set<? extends CharSequence> roles) {} // <- error
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        Compilation finalClass = assertError("Ward/ContextValueField", "@ContextValue Session.roles holds a collection, "
                + "which Ward makes immutable by copying it into a new Session through its record constructor; a final "
                + "class has none Ward can call", handlers("""
                @ContextValue final class Session {
                    final List<String> roles = List.of(); // <- error
                }
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertThat(finalClass).hadErrorContaining("Fix: declare Session as a record.");
        assertError("Ward/ContextValueField", "@ContextValue Session.db has type javax.sql.DataSource: a connection "
                + "pool is shared infrastructure", handlers("""
                @ContextValue record Session(String id,
                        javax.sql.DataSource db) {} // <- error
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertError("Ward/ContextValueField", "@ContextValue Session.hits is not final", handlers("""
                @ContextValue final class Session {
                    int hits; // <- error
                }
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertError("Ward/ContextValueField", "arrays are mutable", handlers("""
                @ContextValue record Session(
                        byte[] token) {} // <- error
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                @ContextValue record UserId(String value) {}
                @ContextValue record Session(UserId user, UUID id, long started, Boolean admin,
                        java.time.Instant at, java.time.Duration ttl, Level level) {
                    enum Level { LOW, HIGH }
                    static final int LIMIT = 3;
                }
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                @ContextValue record Roles(List<String> names, Set<UUID> groups, Map<String, List<Level>> levels,
                        List<List<String>> paths, Map<UUID, Set<java.time.Instant>> seen) {
                    enum Level { LOW, HIGH }
                }
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
    }

    @Test
    void contextValueCollectionsAreCopiedWhereMiddlewareProducesThem() throws IOException {
        Compilation compilation = assertCompiles(handlers("""
                @ContextValue record Roles(List<String> names, Map<String, Set<String>> grants) {}
                @ContextValue record Who(String name) {}
                @ContextValue record Session(Who user, Roles roles, List<Roles> history) {}
                @Middleware class Login {
                    public Session login(@Header("X-User") String user) {
                        return new Session(new Who(user), new Roles(new ArrayList<>(), new HashMap<>()), new ArrayList<>());
                    }
                }
                @Use(Login.class)
                public class Handlers {
                    @Get("/a") public String a(Session session) { return session.user().name(); }
                }
                """));
        String key = compilation.generatedSourceFile("test.SessionKey").orElseThrow().getCharContent(true).toString();
        assertTrue(key.contains("exchange.putAttachment(KEY, immutableCopy(Objects.requireNonNull(value, \"value\")));"),
                key);
        assertTrue(key.contains("public static Session immutableCopy(Session value) {"), key);
        assertTrue(key.contains("return new Session(value.user(), immutableCopyOfRoles(value.roles()), "
                + "value.history() == null ? null : List.copyOf(value.history().stream().map(e0 -> "
                + "immutableCopyOfRoles(e0)).toList()));"), key);
        assertTrue(key.contains("private static Roles immutableCopyOfRoles(Roles value) {"), key);
        assertTrue(key.contains("return new Roles(value.names() == null ? null : List.copyOf(value.names()), "
                + "value.grants() == null ? null : Map.copyOf(value.grants().entrySet().stream().collect("
                + "Collectors.toMap(e0 -> e0.getKey(), e0 -> Set.copyOf(e0.getValue())))));"), key);
        String routes = compilation.generatedSourceFile("test.HandlersRoutes").orElseThrow().getCharContent(true)
                .toString().replaceAll("\\s+", " ");
        assertTrue(routes.contains("Session session = SessionKey.immutableCopy(login.login("
                + "exchange.requiredHeader(\"X-User\")));"), routes);
        // A value without collections is neither copied nor given a copy method.
        assertFalse(compilation.generatedSourceFile("test.WhoKey").orElseThrow().getCharContent(true).toString()
                .contains("immutableCopy"));
    }

    @Test
    void middlewareShape() {
        assertError("Ward/MiddlewareShape", "@Middleware Auth has 2 public instance methods", handlers("""
                @Middleware // <- error
                class Auth {
                    public void check() { }
                    public void alsoCheck() { }
                }
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertError("Ward/MiddlewareShape", "Auth.check() returns java.lang.String; middleware returns void", handlers("""
                @Middleware class Auth {
                    public String check() { return "?"; } // <- error
                }
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertError("Ward/MiddlewareShape", "Auth takes the raw HttpServerExchange", handlers("""
                @Middleware class Auth {
                    public void check(
                            io.undertow.server.HttpServerExchange exchange) { } // <- error
                }
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                @Middleware class Auth {
                    public void check(@Header("Authorization") Optional<String> token, Deadline deadline) {
                        helper();
                    }
                    private void helper() { }
                    public static void utility() { }
                }
                public class Handlers {
                    @Get("/a") @Use(Auth.class) public String a() { return "a"; }
                }
                """));
    }

    @Test
    void useNotMiddleware() {
        assertError("Ward/UseNotMiddleware", "@Use names Helper, which is not annotated @Middleware", handlers("""
                class Helper { public void check() { } }
                public class Handlers {
                    @Get("/a") @Use(Helper.class) public String a() { return "a"; } // <- error
                }
                """));
        assertCompiles(handlers("""
                @Middleware class Helper { public void check() { } }
                public class Handlers {
                    @Get("/a") @Use(Helper.class) public String a() { return "a"; }
                }
                """));
    }

    @Test
    void contextValueNotProduced() {
        assertError("Ward/ContextValueNotProduced", "Handlers.a() takes UserId user, but no middleware in the chain "
                + "of GET /a produces a UserId", handlers(PRELUDE + """
                public class Handlers {
                    @Get("/a") public String a(
                            UserId user) { return user.value(); } // <- error
                }
                """));
        assertCompiles(handlers(PRELUDE + """
                @Use(Auth.class)
                public class Handlers {
                    @Get("/a") public String a(UserId user) { return user.value(); }
                }
                """));
    }

    @Test
    void contextValueConsumedTooEarly() {
        assertError("Ward/ContextValueConsumedTooEarly", "TenantOf.resolve() takes UserId, but in the chain of GET /a "
                + "it runs before Auth.authenticate(), which produces it", handlers(PRELUDE + """
                public class Handlers {
                    @Get("/a") @Use({TenantOf.class, Auth.class}) public String a(Tenant t) { return t.name(); } // <- error
                }
                """));
        assertCompiles(handlers(PRELUDE + """
                @Use(Auth.class)
                public class Handlers {
                    @Get("/a") @Use(TenantOf.class) public String a(Tenant t, UserId u) { return t.name() + u.value(); }
                }
                """));
    }

    @Test
    void contextValueProducedTwice() {
        assertError("Ward/ContextValueProducedTwice", "both Auth.authenticate() and OtherAuth.authenticate() produce "
                + "UserId", handlers(PRELUDE + """
                @Middleware class OtherAuth {
                    public UserId authenticate(@QueryParam("token") String token) { return new UserId(token); }
                }
                @Use(Auth.class)
                public class Handlers {
                    @Get("/a") @Use(OtherAuth.class) public String a(UserId u) { return u.value(); } // <- error
                }
                """));
        assertCompiles(handlers(PRELUDE + """
                @Middleware class OtherAuth {
                    public UserId authenticate(@QueryParam("token") String token) { return new UserId(token); }
                }
                public class Handlers {
                    @Get("/a") @Use(Auth.class) public String a(UserId u) { return u.value(); }
                    @Get("/b") @Use(OtherAuth.class) public String b(UserId u) { return u.value(); }
                }
                """));
    }

    @Test
    void middlewarePathParamsMustExistOnEveryRouteThatUsesThem() {
        assertError("Ward/PathParamWithoutVariable", "middleware TenantPath binds @PathParam(\"tenant\"), but GET /a "
                + "has no {tenant}", handlers("""
                @Middleware class TenantPath { public void check(@PathParam("tenant") String tenant) { } }
                public class Handlers {
                    @Get("/t/{tenant}/a") @Use(TenantPath.class) public String ok() { return "ok"; }
                    @Get("/a") @Use(TenantPath.class) public String a() { return "a"; } // <- error
                }
                """));
    }

    @Test
    void sharedMutableState() {
        assertError("Ward/SharedMutableState", "Handlers.count is not final, and one Handlers serves every request "
                + "thread at once", handlers("""
                public class Handlers {
                    private int count; // <- error
                    @Get("/a") public String a() { return "" + count++; }
                }
                """));
        assertError("Ward/SharedMutableState", "Handlers.cache is not final", handlers("""
                public class Handlers {
                    static Map<String, String> cache = new HashMap<>(); // <- error
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertError("Ward/SharedMutableState", "Auth.calls is not final", handlers("""
                @Middleware class Auth {
                    long calls; // <- error
                    public void check() { calls++; }
                }
                public class Handlers {
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertCompiles(handlers("""
                public class Handlers {
                    private static final String GREETING = "hi";
                    private final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
                    private final Map<String, String> cache = new ConcurrentHashMap<>();
                    @Get("/a") public String a() { return GREETING + count.incrementAndGet() + cache.size(); }
                }
                """));
    }

    @Test
    void nonThreadSafeFinalFieldsAreAWarning() {
        Compilation compilation = Compile.compile(handlers("""
                public class Handlers {
                    private final HashMap<String, String> cache = new HashMap<>();
                    @Get("/a") public String a() { return "a"; }
                }
                """));
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[Ward/NonThreadSafeField] Handlers.cache is a HashMap, which is "
                + "not thread-safe").inFile(compilation.sourceFiles().get(0)).onLine(9);
    }

    @Test
    void contextValuesGetATypedKey() throws IOException {
        Compilation compilation = assertCompiles(handlers(PRELUDE + """
                @Use({Auth.class, TenantOf.class})
                public class Handlers {
                    @Get("/a") public String a(Tenant tenant, @QueryParam("q") String q) { return tenant.name(); }
                }
                """));
        String key = compilation.generatedSourceFile("test.UserIdKey").orElseThrow().getCharContent(true).toString();
        assertTrue(key.contains("public static final AttachmentKey<UserId> KEY = AttachmentKey.create(UserId.class);"), key);
        assertTrue(key.contains("public static Optional<UserId> get(HttpServerExchange exchange)"), key);
        assertTrue(key.contains("public static UserId require(HttpServerExchange exchange)"), key);
        assertTrue(key.contains("public static void set(HttpServerExchange exchange, UserId value)"), key);
        String routes = compilation.generatedSourceFile("test.HandlersRoutes").orElseThrow().getCharContent(true)
                .toString();
        assertTrue(routes.contains("public HandlersRoutes(Handlers handlers, Auth auth, TenantOf tenantOf)"), routes);
        assertTrue(routes.contains("UserId userId = auth.authenticate(exchange.requiredHeader(\"Authorization\"));\n"
                + "            exchange.attach(UserIdKey.KEY, userId);\n"
                + "            Tenant tenant = tenantOf.resolve(userId, exchange.requiredHeader(\"X-Tenant\"));\n"
                + "            exchange.attach(TenantKey.KEY, tenant);\n"
                + "            String q = exchange.requiredQuery(\"q\");\n"
                + "            exchange.respond(Replies.text(handlers.a(tenant, q)));"), routes);
    }
}
