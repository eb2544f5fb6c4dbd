package dev.ward.processor;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Mutates realistic handler classes (the golden files' sources) and compiles each mutant with Ward: whatever a
 * mutant does, Ward must neither crash ({@code Ward/InternalError}) nor write code javac rejects, and every
 * generated line stays within 120 columns. Errors javac finds in the user's own (mutated) files are fine.
 * Bounded in count and time ({@code -Dward.mutation.count}, default 300, and {@code -Dward.mutation.seconds},
 * default 45); the seed is printed, and {@code -Dward.mutation.seed} replays a run. The default seed is fixed, so
 * the build fails for a change in the code, never for the day it runs on; explore with other seeds
 * ({@code -Dward.mutation.seed=$RANDOM -Dward.mutation.count=2000}) and keep what they find as tests.
 */
class MutationTest {
    /** Names generated code uses itself, or that users plausibly share with it. */
    private static final List<String> NAMES = List.of("raw", "done", "exchange", "handlers", "registry",
            "arguments", "context", "Bind", "Replies", "Objects", "ChronoUnit", "Optional", "String", "Override",
            "Exception", "com", "java", "dev", "auth", "tenantOf", "audit", "principal", "tenant", "KEY", "value",
            "a", "a2", "A", "get", "get2", "register", "handle", "compensate", "id", "amount", "Orders", "Auth");
    private static final List<String> TYPES = List.of("Lon", "Optional<Lon>", "Hidden", "Optional<Hidden>",
            "Object", "java.util.List<String>", "int", "Integer", "Optional<Integer>", "Kind", "byte[]",
            "java.io.InputStream", "Deadline", "RequestId", "CompensationContext", "Orders");
    private static final List<String> UNITS = List.of("NANOS", "MICROS", "MILLIS", "SECONDS", "MINUTES", "HOURS",
            "HALF_DAYS", "DAYS", "WEEKS", "MONTHS", "YEARS", "DECADES", "CENTURIES", "MILLENNIA", "ERAS", "FOREVER");
    private static final List<String> ANNOTATIONS = List.of("@Recover", "@NonBlocking", "@Traced(\"orders.x\")",
            "@ReplayBody", "@Timeout(100)", "@Timeout(value = 100, fallback = \"get\")",
            "@Compensable(compensate = \"cancel\")", "@Use(Orders.class)",
            "@Retry(maxAttempts = 2, retryOn = IllegalStateException.class)",
            "@Fallback(method = \"get\", applyOn = RuntimeException.class)", "@Idempotent(reason = \"upsert\")");
    private static final Pattern PARAM = Pattern.compile("([A-Z][\\w.]*(?:<[\\w.]+>)?|int|long|boolean|byte\\[\\])"
            + "\\s+([a-z]\\w*)\\s*(?=[,)])");
    private static final Pattern METHOD = Pattern.compile("public\\s+(?:static\\s+)?[\\w.<>\\[\\]]+\\s+(\\w+)\\s*\\(");
    private static final Pattern ANNOTATION = Pattern.compile("@(?:Recover|Traced|NonBlocking|ReplayBody|Timeout|"
            + "Compensable|Use|Middleware|ContextValue|PathParam|QueryParam|Header|Body|Retry|Fallback|Idempotent)"
            + "(?:\\([^)]*\\))?");

    /** One way to change a source; returns it unchanged when it does not apply. */
    private record Mutation(String name, BiFunction<String, Random, String> apply) {
    }

    private static final List<Mutation> MUTATIONS = List.of(
            new Mutation("rename a parameter", (source, random) -> renameAll(source, random, PARAM, 2)),
            new Mutation("rename a method", (source, random) -> renameAll(source, random, METHOD, 1)),
            new Mutation("add an overload", MutationTest::addOverload),
            new Mutation("change a parameter type", MutationTest::changeType),
            new Mutation("throw something", MutationTest::addThrows),
            new Mutation("remove an annotation", (source, random) -> replaceOne(source, random, ANNOTATION, "")),
            new Mutation("add an annotation", (source, random) -> replaceOne(source, random,
                    Pattern.compile("(?m)^(\\s*)public (?!class|enum|record)"),
                    "$1" + pick(random, ANNOTATIONS) + " public ")),
            new Mutation("change a timeout unit", (source, random) -> replaceOne(source, random,
                    Pattern.compile("@Timeout\\((?:value = )?(\\d+)"), "@Timeout(unit = java.time.temporal.ChronoUnit."
                            + pick(random, UNITS) + ", value = " + (random.nextBoolean() ? "$1" : "300000"))),
            new Mutation("change a template variable", (source, random) -> replaceOne(source, random,
                    Pattern.compile("\\{(\\w+)}"), random.nextBoolean() ? "{$1x}" : "{$1}/{extra}")),
            new Mutation("change a type's visibility", (source, random) -> replaceOne(source, random,
                    Pattern.compile("public (static )?(enum|record|class|final class)"),
                    pick(random, List.of("private ", "", "protected ")) + "$1$2")));

    @Test
    void wardNeverCrashesNorWritesCodeJavacRejects() {
        long seed = Long.getLong("ward.mutation.seed", 20261202L);
        int count = Integer.getInteger("ward.mutation.count", 300);
        long budgetNanos = Long.getLong("ward.mutation.seconds", 45) * 1_000_000_000L;
        System.out.println("MutationTest: seed " + seed + " (replay with -Dward.mutation.seed=" + seed + ")");
        List<Map<String, String>> bases = List.of(
                Map.of("com.acme.Orders", GoldenFilesTest.read("plain/Orders.java")),
                Map.of("com.acme.Orders", GoldenFilesTest.read("annotations/Orders.java")),
                Map.of("com.acme.Orders", GoldenFilesTest.read("middleware/Orders.java"), "com.acme.auth.Auth",
                        GoldenFilesTest.read("middleware/Auth.java")),
                Map.of("com.acme.Orders", GoldenFilesTest.read("nonblocking/Orders.java")),
                Map.of("com.acme.Orders", GoldenFilesTest.read("faulttolerance/Orders.java")));
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        int compiled = 0;
        int run = 0;
        for (; run < count && System.nanoTime() - started < budgetNanos && failures.size() < 3; run++) {
            Random random = new Random(seed + run);
            Map<String, String> sources = new LinkedHashMap<>(bases.get(random.nextInt(bases.size())));
            List<String> applied = mutate(sources, random);
            Compilation compilation = compile(sources);
            compiled += compilation.status() == Compilation.Status.SUCCESS ? 1 : 0;
            String problem = problem(compilation);
            if (problem != null) {
                failures.add("mutant " + run + " of seed " + seed + " " + applied + ": " + problem + "\n"
                        + String.join("\n", sources.values()));
            }
        }
        System.out.println("MutationTest: " + run + " mutants (" + compiled + " compiled, the rest rejected) in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        if (!failures.isEmpty()) {
            fail(String.join("\n\n", failures));
        }
    }

    /** One to three mutations of the handler class; sometimes a class beside it named like a generated one. */
    private static List<String> mutate(Map<String, String> sources, Random random) {
        List<String> applied = new ArrayList<>();
        for (int i = random.nextInt(3); i >= 0; i--) {
            String file = pick(random, List.copyOf(sources.keySet()));
            Mutation mutation = pick(random, MUTATIONS);
            sources.put(file, mutation.apply().apply(sources.get(file), random));
            applied.add(mutation.name() + " in " + file);
        }
        if (random.nextInt(5) == 0) {
            String name = pick(random, List.of("Exception", "Override", "String", "Bind", "Replies", "Objects",
                    "Optional", "RouteExchange", "Generated", "GetRoute", "ListRoute", "Deadline", "OrdersRoutes"));
            sources.put("com.acme." + name, "package com.acme; public "
                    + (name.equals("Override") ? "@interface " : "class ") + name + " { }");
            applied.add("add com.acme." + name);
        }
        return applied;
    }

    private static Compilation compile(Map<String, String> sources) {
        return Compile.compile(sources.entrySet().stream()
                .map(entry -> Compile.source(entry.getKey(), entry.getValue())).toArray(JavaFileObject[]::new));
    }

    /** What is wrong with a mutant's compilation, or null: Ward may reject it, javac may reject the user's code. */
    private static String problem(Compilation compilation) {
        for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
            boolean inGenerated = error.getSource() != null
                    && error.getSource().toUri().toString().contains("SOURCE_OUTPUT");
            if (inGenerated || error.getMessage(null).contains(WardProcessor.INTERNAL_ERROR)) {
                return error + (inGenerated ? "\n" + text(error.getSource()) : "");
            }
        }
        // Generated files are only available from a compilation that succeeded.
        if (compilation.status() == Compilation.Status.SUCCESS) {
            for (JavaFileObject generated : compilation.generatedSourceFiles()) {
                try {
                    GoldenFilesTest.assertWithinLineLimit(generated.getName(), text(generated));
                } catch (AssertionError tooWide) {
                    return tooWide.getMessage();
                }
            }
        }
        return null;
    }

    private static String text(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renames one identifier, captured by {@code group} of a random match, everywhere in the file. */
    private static String renameAll(String source, Random random, Pattern pattern, int group) {
        List<MatchResult> matches = matches(source, pattern);
        if (matches.isEmpty()) {
            return source;
        }
        String name = pick(random, matches).group(group);
        return source.replaceAll("\\b" + Pattern.quote(name) + "\\b", Matcher.quoteReplacement(pick(random, NAMES)));
    }

    private static String addOverload(String source, Random random) {
        List<MatchResult> methods = matches(source, METHOD);
        if (methods.isEmpty()) {
            return source;
        }
        String name = pick(random, methods).group(1) + (random.nextBoolean() ? "" : "2");
        String overload = random.nextBoolean()
                ? "    @Get(\"/m" + random.nextInt(1000) + "\") public String " + name
                        + "(@QueryParam(\"q\") String q) { return q; }\n"
                : "    @Post(\"/m" + random.nextInt(1000) + "\") @Compensable(compensate = \"undo\") public void "
                        + name + "(@Header(\"h\") String h) { }\n    public void undo() { }\n";
        return insertIntoClass(source, overload);
    }

    private static String changeType(String source, Random random) {
        List<MatchResult> params = matches(source, PARAM);
        if (params.isEmpty()) {
            return source;
        }
        MatchResult param = pick(random, params);
        String changed = source.substring(0, param.start(1)) + pick(random, TYPES) + source.substring(param.end(1));
        return insertIntoClass(changed, "    private enum Hidden { X }\n    public enum Kind { Y }\n");
    }

    private static String addThrows(String source, Random random) {
        String thrown = pick(random, List.of("Throwable", "Exception", "Odd", "Error", "java.io.IOException"));
        String changed = replaceOne(source, random, Pattern.compile("\\)(\\s*)\\{(?=\\s*(?:return|}|\\n))"),
                ") throws " + thrown + "$1{");
        return insertIntoClass(changed, "    static class Odd extends Throwable { }\n");
    }

    private static String replaceOne(String source, Random random, Pattern pattern, String replacement) {
        List<MatchResult> matches = matches(source, pattern);
        if (matches.isEmpty()) {
            return source;
        }
        MatchResult match = pick(random, matches);
        return source.substring(0, match.start()) + pattern.matcher(match.group()).replaceFirst(replacement)
                + source.substring(match.end());
    }

    /** Inserts members just before the top-level class's closing brace. */
    private static String insertIntoClass(String source, String members) {
        int end = source.lastIndexOf('}');
        return source.substring(0, end) + members + source.substring(end);
    }

    private static List<MatchResult> matches(String source, Pattern pattern) {
        List<MatchResult> matches = new ArrayList<>();
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            matches.add(matcher.toMatchResult());
        }
        return matches;
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
