package dev.ward.undertow.internal;

import dev.ward.Response;
import java.util.ServiceLoader;

/**
 * A test kit's hook into the answers of route handlers: ward-testing registers one in
 * {@code META-INF/services}, so that a test can make a route fail, stall or answer 5xx on demand. The server looks
 * for a provider once, as it is built; without one (a production class path) no route gets a {@link RouteFault},
 * and what remains of this hook is a null check where a handler answers.
 */
public interface HandlerFaults {
    /**
     * Called for each route as the server is built, before {@link #started}: what may fault the route's answers, or
     * null to leave the route alone. {@code nonBlocking} routes answer on an I/O thread, where a fault must not block.
     */
    RouteFault route(String method, String template, boolean nonBlocking);

    /** The server these routes belong to listens on {@code port} from now on. */
    void started(int port);

    /** The server is stopping; also called when it failed to start. */
    void stopped();

    /** The provider {@code loader} finds, or null: a new instance each call, so each server has its own. */
    static HandlerFaults find(ClassLoader loader) {
        return ServiceLoader.load(HandlerFaults.class, loader).findFirst().orElse(null);
    }

    /** One route's faults, asked each time its handler answers. */
    interface RouteFault {
        /**
         * Called on the handler's thread as it hands over its answer ({@link RouteExchange#respond}, or
         * {@link RouteExchange#respondAsync} as it returns its stage), after the route's method ran: returns null
         * to let the answer through, or the response to give in its place. What it throws is the handler's failure,
         * seen by every step of the chain as one the method threw. It may block only on a worker thread.
         */
        Response answer(RouteExchange exchange) throws Exception;
    }
}
