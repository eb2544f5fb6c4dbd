package dev.ward.benchmarks.peers;

import dev.ward.benchmarks.JsonHandlers;
import dev.ward.benchmarks.JsonHandlersRoutes;
import dev.ward.json.JsonbCodec;
import dev.ward.undertow.WardServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * For benchmarks/peers.sh: starts the servers named as {@code name=port} arguments, on 127.0.0.1, until the process
 * is killed. {@code raw} (Undertow, on the I/O thread and dispatched), {@code ward} (the guarded and
 * {@code @NonBlocking} routes of {@link PeerHandlers}, on Ward's platform worker pool), {@code ward-virtual} (the
 * same on virtual threads: Java 21+), {@code ward-few} (the same on {@code -Dpeers.fewWorkers} platform workers, default
 * 4: how the tail depends on the number of threads), {@code vertx}; for the JSON comparison {@code ward-json}
 * ({@link JsonHandlers}' {@code /json} and {@code /bytes} on ward-json, no meter registry, as benchmarks/load.sh
 * serves them) and {@code javalin} ({@link JavalinPeer}). Every server has {@code -Dpeers.ioThreads} I/O threads (event
 * loops for Vert.x; default 2) and the dispatching ones {@code -Dpeers.workers} workers (default Ward's 64).
 */
public final class PeerServers {
    private PeerServers() {
    }

    public static void main(String[] args) throws Exception {
        int ioThreads = Integer.getInteger("peers.ioThreads", 2);
        int workers = Integer.getInteger("peers.workers", WardServer.Builder.DEFAULT_WORKER_THREADS);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        for (String arg : args) {
            String name = arg.substring(0, arg.indexOf('='));
            int port = Integer.parseInt(arg.substring(arg.indexOf('=') + 1));
            switch (name) {
                case "raw" -> RawUndertow.server(port, ioThreads, new ThreadPoolExecutor(workers, workers, 30,
                        TimeUnit.SECONDS, new ArrayBlockingQueue<>(WardServer.Builder.DEFAULT_WORKER_QUEUE))).start();
                case "ward" -> ward(port, ioThreads, meters).workerThreads(workers).build().start();
                case "ward-few" -> ward(port, ioThreads, meters).workerThreads(Integer.getInteger("peers.fewWorkers", 4))
                        .build().start();
                case "ward-virtual" -> ward(port, ioThreads, meters).virtualThreads().build().start();
                case "vertx" -> VertxPeer.start(port, ioThreads, meters);
                case "ward-json" -> WardServer.builder().host("127.0.0.1").port(port).ioThreads(ioThreads)
                        .workerThreads(workers).codec(new JsonbCodec())
                        .routes(new JsonHandlersRoutes(new JsonHandlers())).build().start();
                case "javalin" -> JavalinPeer.start(port, workers);
                default -> throw new IllegalArgumentException("no peer " + name);
            }
            System.out.println(name + " on " + port + " (Java " + Runtime.version().feature() + ")");
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    private static WardServer.Builder ward(int port, int ioThreads, SimpleMeterRegistry meters) {
        return WardServer.builder().host("127.0.0.1").port(port).ioThreads(ioThreads).meterRegistry(meters)
                .routes(new PeerHandlersRoutes(new PeerHandlers()));
    }
}
