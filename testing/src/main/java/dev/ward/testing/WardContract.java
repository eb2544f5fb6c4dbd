package dev.ward.testing;

import dev.ward.undertow.WardServer;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Requests generated from the service's OpenAPI contract: every operation of the document on the class path gets
 * valid requests (boundary values, every enum constant, optional parts present and absent) and invalid ones (a
 * missing required part, a wrong type, malformed JSON, an unknown enum constant, an oversized body, a wrong
 * {@code Content-Type}). It fails with one {@link AssertionError} listing what went wrong: a 500 (Ward's answer to
 * a bug, even where the contract declares it), an answer that breaks the contract, a valid request refused with
 * 400 or 415, an invalid one accepted or refused without a problem. The requests change state (orders placed,
 * stock set): run it on a fresh server. Replay a run with its seed, which it logs and every failure message names:
 * {@code -Dward.contract.seed=...} or {@link Options#seed(long)}. See docs/testing.md.
 */
public final class WardContract {
    /** The system property whose seed a run uses when its options name none. */
    public static final String SEED_PROPERTY = "ward.contract.seed";
    /** Failures listed in the message; the rest are counted. */
    public static final int MAX_FAILURES = 20;
    private static final System.Logger LOG = System.getLogger("dev.ward.testing");

    private WardContract() {
    }

    /** An operation of the contract, as {@link Options#operations(Predicate)} sees it. */
    public record Operation(String method, String template, String operationId) { }

    /** Verifies {@code server}, started, with the default options. */
    public static void verify(WardServer server) {
        verify(server, Options.defaults());
    }

    /** Verifies {@code server}, started. */
    public static void verify(WardServer server, Options options) {
        verify(WardClient.of(server, false), options);
    }

    /** Verifies the server {@code client} speaks to: the one {@link WardTest} injects, say. */
    public static void verify(WardClient client, Options options) {
        Run run = run(client, options);
        if (!run.failures().isEmpty()) {
            throw new AssertionError(run.report());
        }
    }

    /** Sends every request and collects what went wrong; {@link #verify} fails with its {@link Run#report()}. */
    static Run run(WardClient client, Options options) {
        Contract contract = Contract.onClassPath(Thread.currentThread().getContextClassLoader());
        if (contract == null) {
            throw new AssertionError("WardContract: no META-INF/ward/openapi.json on the class path; Ward's "
                    + "processor writes it when it compiles routes (docs/contract.md)");
        }
        List<Contract.Operation> operations = contract.operations().stream()
                .filter(operation -> options.operations.test(new Operation(operation.method(), operation.template(),
                        operation.json().get("operationId") instanceof String id ? id : null)))
                .toList();
        if (operations.isEmpty()) {
            throw new AssertionError("WardContract: no operation of the contract matches the options' filter");
        }
        long seed = options.seed();
        LOG.log(System.Logger.Level.INFO, "WardContract: seed {0} for {1} operations (replay with -D{2}={0})",
                Long.toString(seed), operations.size(), SEED_PROPERTY);
        Run run = new Run(seed, operations.size());
        long deadline = System.nanoTime() + options.timeBudget.toNanos();
        WardClient unchecked = client.withoutContract();
        for (Contract.Operation operation : operations) {
            // Each operation its own stream, so that scoping a run to some operations keeps their requests.
            SplittableRandom random = new SplittableRandom(seed ^ operation.name().hashCode());
            for (Probe probe : new Probes(contract, operation, random, options.oversizedBodyBytes)
                    .probes(options.maxRequestsPerOperation)) {
                if (System.nanoTime() - deadline > 0) {
                    LOG.log(System.Logger.Level.WARNING, "WardContract: the time budget of {0} ran out after {1} "
                            + "requests", options.timeBudget, run.sent.size());
                    return run;
                }
                run.sent.add(probe);
                String failure = failure(contract, probe, unchecked);
                if (failure != null) {
                    run.failed(probe, failure);
                }
            }
        }
        return run;
    }

    /** What is wrong with the answer to {@code probe}, or null. */
    private static String failure(Contract contract, Probe probe, WardClient client) {
        WardResponse answer;
        try {
            answer = client.send(probe.request(client));
        } catch (UncheckedIOException e) {
            return "the request failed: " + e.getCause();
        }
        int status = answer.status();
        String got = "answered " + status + " " + answer.contentType() + " " + cut(answer.text());
        if (status == 500) {
            return got + "\n     a 500: Ward's answer to a failure of the route, a bug whether declared or not";
        }
        String violation = contract.violation(probe.operation().method(), probe.target().split("\\?", 2)[0],
                answer);
        if (violation != null) {
            return violation.replace("\n", "\n     ");
        }
        if (probe.valid() && (status == 400 || status == 415)) {
            return got + "\n     a refusal of a request the contract allows";
        }
        if (!probe.valid() && status < 400) {
            return got + "\n     a success for a request the contract forbids; expected a 4xx problem";
        }
        if (!probe.valid() && status < 500 && !answer.mediaType().equals("application/problem+json")) {
            return got + "\n     a refusal without application/problem+json";
        }
        return null;
    }

    private static String cut(String text) {
        return text.length() > Probe.SHOWN_BODY_CHARS ? text.substring(0, Probe.SHOWN_BODY_CHARS) + "..." : text;
    }

    /** One run: what was sent, and the failures, the first of each kind kept whole and the rest counted. */
    static final class Run {
        private final long seed;
        private final int operations;
        final List<Probe> sent = new ArrayList<>();
        /** By operation and the failure's first line, so that one defect found by many requests is one entry. */
        private final Map<String, List<String>> failures = new LinkedHashMap<>();

        private Run(long seed, int operations) {
            this.seed = seed;
            this.operations = operations;
        }

        private void failed(Probe probe, String failure) {
            String firstLine = failure.lines().findFirst().orElse("").replace(probe.target().split("\\?", 2)[0], "")
                    .replaceAll("answered (\\d+) .*", "answered $1");
            failures.computeIfAbsent(probe.operation().name() + "|" + probe.valid() + "|" + firstLine,
                    key -> new ArrayList<>()).add(probe.operation().name() + ", " + probe.purpose() + ":\n"
                            + probe.shown("     ") + "\n     " + failure);
        }

        List<String> failures() {
            return failures.values().stream().map(list -> list.get(0)).toList();
        }

        String report() {
            StringBuilder out = new StringBuilder("WardContract.verify: ").append(failures.size())
                    .append(failures.size() == 1 ? " failure" : " failures").append(" in ").append(sent.size())
                    .append(" requests to ").append(operations).append(" operations; replay with -D")
                    .append(SEED_PROPERTY).append('=').append(seed).append(" or Options.seed(").append(seed)
                    .append("L)");
            int number = 0;
            for (List<String> same : failures.values()) {
                if (++number > MAX_FAILURES) {
                    out.append("\n... and ").append(failures.size() - MAX_FAILURES).append(" more");
                    break;
                }
                out.append("\n").append(number).append(". ").append(same.get(0));
                if (same.size() > 1) {
                    out.append("\n     (and ").append(same.size() - 1).append(" more requests that failed so)");
                }
            }
            return out.toString();
        }
    }

    /** How much {@link WardContract} sends, to which operations, from which seed. Immutable. */
    public static final class Options {
        public static final int DEFAULT_MAX_REQUESTS_PER_OPERATION = 60;
        public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(30);
        /** One byte over {@code WardServer.Builder}'s default {@code maxEntitySize}. */
        public static final long DEFAULT_OVERSIZED_BODY_BYTES = WardServer.Builder.DEFAULT_MAX_ENTITY_SIZE + 1;

        private final Long seed;
        private final int maxRequestsPerOperation;
        private final Duration timeBudget;
        private final long oversizedBodyBytes;
        private final Predicate<Operation> operations;

        private Options(Long seed, int maxRequestsPerOperation, Duration timeBudget, long oversizedBodyBytes,
                Predicate<Operation> operations) {
            this.seed = seed;
            this.maxRequestsPerOperation = maxRequestsPerOperation;
            this.timeBudget = timeBudget;
            this.oversizedBodyBytes = oversizedBodyBytes;
            this.operations = operations;
        }

        /** Every operation, at most 60 requests each and 30 s in all, the seed of {@value #SEED_PROPERTY} or new. */
        public static Options defaults() {
            return new Options(null, DEFAULT_MAX_REQUESTS_PER_OPERATION, DEFAULT_TIME_BUDGET,
                    DEFAULT_OVERSIZED_BODY_BYTES, operation -> true);
        }

        /** The seed a failure message named: the same requests again. */
        public Options seed(long seed) {
            return new Options(seed, maxRequestsPerOperation, timeBudget, oversizedBodyBytes, operations);
        }

        /** Requests per operation, invalid ones at most half of them; at least 2. */
        public Options maxRequestsPerOperation(int max) {
            if (max < 2) {
                throw new IllegalArgumentException("maxRequestsPerOperation must be at least 2, not " + max);
            }
            return new Options(seed, max, timeBudget, oversizedBodyBytes, operations);
        }

        /** The whole run's time; when it runs out, the run stops (logging so) and reports what it found. */
        public Options timeBudget(Duration budget) {
            if (budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("timeBudget must be positive, not " + budget);
            }
            return new Options(seed, maxRequestsPerOperation, budget, oversizedBodyBytes, operations);
        }

        /** The size of the oversized body: more than the server's {@code maxEntitySize}, when that was raised. */
        public Options oversizedBodyBytes(long bytes) {
            if (bytes < 2 || bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("oversizedBodyBytes must be 2 to 2^31 - 9, not " + bytes);
            }
            return new Options(seed, maxRequestsPerOperation, timeBudget, bytes, operations);
        }

        /** Only the operations {@code filter} accepts: {@code op -> op.template().startsWith("/orders")}. */
        public Options operations(Predicate<Operation> filter) {
            return new Options(seed, maxRequestsPerOperation, timeBudget, oversizedBodyBytes,
                    Objects.requireNonNull(filter));
        }

        private long seed() {
            if (seed != null) {
                return seed;
            }
            String property = System.getProperty(SEED_PROPERTY);
            return property == null || property.isBlank() ? new SplittableRandom().nextLong()
                    : Long.parseLong(property.strip());
        }
    }
}
