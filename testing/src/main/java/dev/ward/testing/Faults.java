package dev.ward.testing;

import dev.ward.undertow.WardServer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults on demand for the routes of one server: make a route's handler throw, stall or answer 5xx for its next
 * calls, and count how often it did, to prove what the chain does about a failure ({@code @Compensable},
 * {@code @Timeout}, {@code @Retry}, {@code @Fallback}, {@code @CircuitBreaker}, {@code @Recover}, metrics).
 *
 * <pre>{@code
 * faults.on("POST", "/orders").throwing(new IllegalStateException("payment provider down")).times(2);
 * }</pre>
 *
 * A fault strikes where the route's handler answers, after its method ran (its side effects happened, and the
 * fallbacks it registers are in place): for every step of the chain it is the method failing, slow or answering
 * 5xx. Injected into {@link WardTest} classes like {@link WardClient} (fields and parameters), cleared before each
 * test; {@link #of} gives the faults of a server a test built itself. Thread-safe. The hooks exist only with
 * ward-testing on the class path, which the server looks up once as it is built (docs/testing.md).
 */
public final class Faults {
    /** Each route's fault by its name, {@code POST /orders}; filled as the server is built. */
    private final Map<String, Fault> routes = new ConcurrentHashMap<>();

    Faults() {
    }

    /** The faults of {@code server}, started, built with ward-testing on the class path. */
    public static Faults of(WardServer server) {
        return FaultHooks.running(server.port());
    }

    /**
     * The fault of the route with this method and template, exactly as declared ({@code "/orders/{id}"}), to arm.
     *
     * @throws IllegalArgumentException if the server has no such route; the message lists those it has
     */
    public Fault on(String method, String template) {
        Fault fault = routes.get(method + " " + template);
        if (fault == null) {
            throw new IllegalArgumentException("the server has no route " + method + " " + template + "; its routes: "
                    + String.join(", ", new TreeMap<>(routes).keySet()));
        }
        return fault;
    }

    /** How many calls of the route got a fault since the server started or the last {@link #clear()}. */
    public int injected(String method, String template) {
        return on(method, template).injected();
    }

    /** Disarms every route and sets every count back to 0: done before each test of a {@link WardTest} class. */
    public void clear() {
        routes.values().forEach(Fault::clear);
    }

    Fault add(String method, String template, boolean nonBlocking) {
        Fault fault = new Fault(method + " " + template, nonBlocking);
        routes.put(fault.route(), fault);
        return fault;
    }
}
