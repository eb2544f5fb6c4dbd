package dev.ward.samples;

import dev.ward.undertow.WardServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The order-fulfilment sample: {@code mvn -q -pl samples -am install exec:java} or run this class. Listens on
 * 127.0.0.1:8080, or the port given as the first argument or in {@code PORT}. Ctrl-C stops it gracefully.
 */
public final class OrderService {
    private OrderService() {
    }

    /** Builds the service's server, not yet started, with compensations in memory; tests use it with port 0. */
    public static WardServer server(int port) {
        return server(port, null);
    }

    /** As {@link #server(int)}, journaling compensations in {@code journal} when it is not null. */
    public static WardServer server(int port, Path journal) {
        return build(port, builder -> {
            if (journal != null) {
                builder.compensationJournal(journal);
            }
        });
    }

    /**
     * The server {@link #main} starts: compensations shared through the PostgreSQL database of
     * {@code WARD_DATABASE_URL} (with {@code WARD_DATABASE_USER} and {@code WARD_DATABASE_PASSWORD}) when
     * {@code environment} has it, else journaled in {@code journal}.
     */
    public static WardServer server(int port, Map<String, String> environment, Path journal) {
        return SharedCompensations.configured(environment)
                ? build(port, builder -> SharedCompensations.use(builder, environment))
                : server(port, journal);
    }

    private static WardServer build(int port, Consumer<WardServer.Builder> compensations) {
        // The builder first: it begins loading Undertow's I/O layer in the background while the rest is made.
        WardServer.Builder builder = WardServer.builder();
        Inventory inventory = new Inventory(Map.of("apple", 10, "pear", 5));
        // Ward's counters and the @Traced routes' timers land here, and GET /metrics serves them.
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmMeters jvm = new JvmMeters(metrics);
        builder.host("127.0.0.1")
                .port(port)
                .meterRegistry(metrics)
                // The contract Ward's processor wrote for these routes (docs/contract.md).
                .openApi("/openapi.json")
                .routes(new OrderHandlersRoutes(new OrderHandlers(inventory, new Payments(3))),
                        new InventoryHandlersRoutes(new InventoryHandlers(inventory)),
                        new HealthHandlersRoutes(new HealthHandlers()),
                        new MetricsHandlersRoutes(new MetricsHandlers(metrics, jvm)))
                .closeOnStop(jvm);
        compensations.accept(builder);
        return builder.build();
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0])
                : Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        // Pending compensations survive a crash of the sample: in PostgreSQL when WARD_DATABASE_URL is set, else in
        // the system's temporary directory.
        Path journal = Path.of(System.getProperty("java.io.tmpdir"), "ward-sample-compensations");
        WardServer server = server(port, System.getenv(), journal).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: finishing in-flight requests...");
            server.close();
            stopped.countDown();
        }, "shutdown"));
        System.out.println("Order service listening on http://127.0.0.1:" + server.port()
                + "/  (try: curl -i http://127.0.0.1:" + server.port() + "/inventory/apple) Ctrl-C stops it.");
        stopped.await();
    }
}
