package dev.ward.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.ward.postgres.PostgresCompensationStore;
import dev.ward.postgres.PostgresServer;
import dev.ward.undertow.WardServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The shared compensation store under load (benchmarks/compensations.sh): compensations completed per second with
 * 1 and 3 server instances on one real PostgreSQL (started by ward-postgres's PostgresServer), and the latency a
 * failing request pays with and without {@code @Compensable}, with the PostgreSQL store and with the file journal.
 */
public final class CompensationBenchmark {
    private static final int FAILURES = Integer.getInteger("failures", 6_000);
    private static final int CLIENTS = Integer.getInteger("clients", 8);
    private static final int LATENCY_REQUESTS = Integer.getInteger("latencyRequests", 5_000);
    private static final int ROUNDS = Integer.getInteger("rounds", 3);

    private CompensationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        System.out.printf("%d cores, PostgreSQL 16 on 127.0.0.1 (fsync=off), %d clients, %d failing requests%n",
                Runtime.getRuntime().availableProcessors(), CLIENTS, FAILURES);
        for (int instances : new int[] {1, 3}) {
            throughput(postgres, instances);
        }
        latency(postgres);
        System.exit(0);
    }

    /** Failing requests spread over the instances by CLIENTS connections; the clock stops at the last compensation. */
    private static void throughput(PostgresServer postgres, int instances) throws Exception {
        String database = postgres.newDatabase();
        List<Instance> cluster = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            cluster.add(Instance.onPostgres(postgres, database, "bench-" + i));
        }
        try {
            int warmUp = drive(cluster, FAILURES / 4);
            awaitCompensated(cluster, warmUp);
            long start = System.nanoTime();
            int failed = drive(cluster, FAILURES);
            long requestsDone = System.nanoTime();
            awaitCompensated(cluster, warmUp + failed);
            long done = System.nanoTime();
            long succeeded = count(postgres, database, "SELECT count(*) FROM ward_compensation WHERE state = 'succeeded'");
            System.out.printf("%d instance(s): %d compensations completed in %.2f s = %.0f/s (requests sent in %.2f s;"
                    + " %d refused with 503; %d rows succeeded in the table)%n", instances, failed,
                    (done - start) / 1e9, failed / ((done - start) / 1e9), (requestsDone - start) / 1e9,
                    FAILURES - failed, succeeded);
        } finally {
            cluster.forEach(Instance::close);
        }
    }

    /** The same failing request, compensated or not, one at a time on one connection: p50 and p99 per round. */
    private static void latency(PostgresServer postgres) throws Exception {
        Path journal = Files.createTempDirectory("ward-bench-journal");
        List<Instance> targets = List.of(
                Instance.inMemory("plain (no @Compensable)", "/plain"),
                Instance.onPostgres(postgres, postgres.newDatabase(), "latency").path("/compensable"),
                Instance.journaled(journal).path("/compensable"));
        System.out.printf("latency of one failing request (500), %d requests per round after as many to warm up%n",
                LATENCY_REQUESTS);
        for (int round = 1; round <= ROUNDS; round++) {
            for (Instance target : targets) {
                try (KeepAliveClient client = KeepAliveClient.post(target.server.port(), target.path)) {
                    for (int i = 0; i < LATENCY_REQUESTS; i++) {
                        client.roundTrip();
                    }
                    long[] nanos = new long[LATENCY_REQUESTS];
                    for (int i = 0; i < LATENCY_REQUESTS; i++) {
                        long start = System.nanoTime();
                        if (client.roundTrip() != 500) {
                            throw new IllegalStateException(target.name + " did not answer 500");
                        }
                        nanos[i] = System.nanoTime() - start;
                    }
                    Arrays.sort(nanos);
                    System.out.printf("  round %d %-28s p50 %4d us   p99 %5d us%n", round, target.name,
                            nanos[LATENCY_REQUESTS / 2] / 1_000, nanos[LATENCY_REQUESTS * 99 / 100] / 1_000);
                }
            }
        }
        targets.forEach(Instance::close);
    }

    /** Sends {@code requests} failing requests round-robin over the cluster; returns how many failed with 500. */
    private static int drive(List<Instance> cluster, int requests) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Instance instance = cluster.get(c % cluster.size());
            running.add(clients.submit(() -> {
                try (KeepAliveClient client = KeepAliveClient.post(instance.server.port(), "/compensable")) {
                    while (next.getAndIncrement() < requests) {
                        if (client.roundTrip() == 500) {
                            failed.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        return failed.get();
    }

    private static void awaitCompensated(List<Instance> cluster, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (cluster.stream().mapToLong(instance -> instance.handlers.compensated()).sum() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("compensations not done within 300 s");
            }
            Thread.sleep(1);
        }
    }

    private static long count(PostgresServer postgres, String database, String query) throws SQLException {
        try (HikariDataSource pool = postgres.pool(database);
             Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** One started server with its handlers, and what closes with it. */
    private record Instance(String name, String path, WardServer server, FailingHandlers handlers) {
        static Instance onPostgres(PostgresServer postgres, String database, String name) {
            HikariDataSource pool = postgres.pool(database);
            return start("PostgreSQL store", "/compensable", builder -> builder
                    .compensationStore(PostgresCompensationStore.builder(pool).instance(name).build())
                    .closeOnStop(pool));
        }

        static Instance journaled(Path directory) {
            return start("file journal", "/compensable", builder -> builder.compensationJournal(directory));
        }

        static Instance inMemory(String name, String path) {
            return start(name, path, builder -> { });
        }

        private static Instance start(String name, String path, Consumer<WardServer.Builder> store) {
            FailingHandlers handlers = new FailingHandlers();
            WardServer.Builder builder = WardServer.builder().host("127.0.0.1").port(0)
                    .routes(new FailingHandlersRoutes(handlers));
            store.accept(builder);
            return new Instance(name, path, builder.build().start(), handlers);
        }

        Instance path(String route) {
            return new Instance(name, route, server, handlers);
        }

        void close() {
            server.close();
        }
    }
}
