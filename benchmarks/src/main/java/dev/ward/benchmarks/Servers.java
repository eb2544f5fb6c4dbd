package dev.ward.benchmarks;

import dev.ward.jackson.JacksonCodec;
import dev.ward.json.JsonbCodec;
import dev.ward.undertow.BodyCodec;
import dev.ward.undertow.WardServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.undertow.Undertow;
import java.net.InetSocketAddress;

/**
 * Starts, side by side on 127.0.0.1: Ward with a meter registry (for the guarded and full routes, whose
 * {@code @Traced} records into it), Ward without any registry (for the route with no middleware: a user who
 * configured no observability pays for none), the hand-written reference, and the JSON routes twice: with
 * ward-json (also serving the same route with {@code byte[]}) and with ward-jackson.
 */
public final class Servers implements AutoCloseable {
    public final WardServer ward;
    public final WardServer bareWard;
    public final Undertow reference;
    public final WardServer jsonWard;
    public final WardServer jacksonWard;

    public Servers(int wardPort, int bareWardPort, int referencePort, int jsonPort, int jacksonPort) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ward = WardServer.builder().host("127.0.0.1").port(wardPort).meterRegistry(meters)
                .routes(new BenchHandlersRoutes(new BenchHandlers())).build().start();
        bareWard = WardServer.builder().host("127.0.0.1").port(bareWardPort)
                .routes(new BenchHandlersRoutes(new BenchHandlers())).build().start();
        reference = Handwritten.server(referencePort, meters);
        reference.start();
        jsonWard = jsonServer(jsonPort, new JsonbCodec());
        jacksonWard = jsonServer(jacksonPort, new JacksonCodec());
    }

    private static WardServer jsonServer(int port, BodyCodec codec) {
        return WardServer.builder().host("127.0.0.1").port(port).codec(codec)
                .routes(new JsonHandlersRoutes(new JsonHandlers())).build().start();
    }

    public int wardPort() {
        return ward.port();
    }

    public int bareWardPort() {
        return bareWard.port();
    }

    public int referencePort() {
        return ((InetSocketAddress) reference.getListenerInfo().get(0).getAddress()).getPort();
    }

    public int jsonPort() {
        return jsonWard.port();
    }

    public int jacksonPort() {
        return jacksonWard.port();
    }

    @Override
    public void close() {
        jsonWard.close();
        jacksonWard.close();
        ward.close();
        bareWard.close();
        reference.stop();
    }

    /** For benchmarks/load.sh: all servers on the given ports until the process is killed. */
    public static void main(String[] args) throws InterruptedException {
        Servers servers = new Servers(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        System.out.println("ward on " + servers.wardPort() + ", bare ward on " + servers.bareWardPort()
                + ", reference on " + servers.referencePort() + ", ward-json on " + servers.jsonPort()
                + ", ward-jackson on " + servers.jacksonPort());
        Thread.sleep(Long.MAX_VALUE);
    }
}
