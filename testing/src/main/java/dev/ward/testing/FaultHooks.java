package dev.ward.testing;

import dev.ward.Response;
import dev.ward.undertow.internal.HandlerFaults;
import dev.ward.undertow.internal.RouteExchange;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server side of {@link Faults}, registered in {@code META-INF/services}: the server makes one as it is built
 * and hands it each route. Not for tests to call; they use {@link Faults}.
 */
public final class FaultHooks implements HandlerFaults {
    /** The faults of each started server by its port: as many entries as servers running, no more. */
    private static final Map<Integer, Faults> RUNNING = new ConcurrentHashMap<>();

    private final Faults faults = new Faults();
    private volatile int port;

    /** For {@link java.util.ServiceLoader}. */
    public FaultHooks() {
    }

    static Faults running(int port) {
        Faults found = RUNNING.get(port);
        if (found == null) {
            throw new IllegalStateException("no server with fault hooks listens on port " + port + ": start it "
                    + "first, and build it with ward-testing on the class path");
        }
        return found;
    }

    @Override
    public RouteFault route(String method, String template, boolean nonBlocking) {
        return new Hook(faults.add(method, template, nonBlocking));
    }

    @Override
    public void started(int port) {
        this.port = port;
        RUNNING.put(port, faults);
    }

    @Override
    public void stopped() {
        RUNNING.remove(port, faults);
    }

    /** What the server asks as a route's handler answers. */
    private record Hook(Fault fault) implements RouteFault {
        @Override
        public Response answer(RouteExchange exchange) throws Exception {
            return fault.inject(exchange);
        }

        @Override
        public String toString() {
            return "faults(ward-testing)";
        }
    }
}
