package dev.ward.undertow.internal;

import dev.ward.undertow.BodyCodec;
import dev.ward.undertow.BodyReader;
import dev.ward.undertow.BodyWriter;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A route as the server runs it: its declaration plus the server's shared services. One per route, built once;
 * {@code name} ({@code GET /orders/{id}}) is what logs and metrics call it; {@code group} is the simple name of
 * the {@code Routes} class that declared it ({@code OrderHandlersRoutes}); {@code inFlight} counts its requests in
 * flight, and is null without a meter registry; {@code unrecoveredLog} spaces out the lines about its failures
 * without {@code @Recover}; {@code reader} decodes its JSON body and {@code encoder} encodes its JSON result, null
 * when it has none; {@code codec} is theirs (it says which media types the body may have), null when both are;
 * {@code fault} is a test kit's hook into its handler's answers ({@link HandlerFaults}), null without a test kit.
 */
record Route(RouteSpec spec, String name, String group, Executor workers, WardMetrics metrics, long maxEntitySize,
             long bodyTimeoutMillis, long timeoutNanos, AtomicInteger inFlight, LogRateLimit unrecoveredLog,
             BodyCodec codec, BodyReader<?> reader, ResultEncoder encoder, HandlerFaults.RouteFault fault) {

    /** {@code 300 ms}, {@code 2 s}: the route's {@code @Timeout} as answers and logs say it. */
    String timeoutText() {
        long millis = TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
        return millis >= 1000 && millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** {@code OrderHandlersRoutes}, {@code StockRoute}: a class as logs and errors name it; anonymous ones in full. */
    static String typeName(Object instance) {
        String simple = instance.getClass().getSimpleName();
        return simple.isEmpty() ? instance.getClass().getName() : simple;
    }

    /**
     * @param codec the server's codec, asked only by routes with a JSON body or result
     * @param faults the test kit's fault hooks, null without one
     * @throws IllegalStateException if the route needs a codec and there is none, or the codec refuses its types
     */
    static Route of(RouteSpec spec, String group, Executor workers, WardMetrics metrics, long maxEntitySize,
                    long bodyTimeoutMillis, Supplier<Optional<BodyCodec>> codec, HandlerFaults faults) {
        long timeoutNanos = spec.timeout() == null ? 0 : spec.timeout().toNanos();
        BodyReader<?> reader = spec.bodyType() == null ? null : resolve(spec, group, codec, spec.bodyType(), "read",
                found -> found.reader(spec.bodyType()));
        BodyWriter<?> writer = spec.resultType() == null ? null : resolve(spec, group, codec, spec.resultType(),
                "write", found -> found.writer(spec.resultType()));
        return new Route(spec, spec.name(), group, workers, metrics, maxEntitySize, bodyTimeoutMillis, timeoutNanos,
                metrics.inFlightGauge(spec.name()),
                new LogRateLimit(LogRateLimit.UNRECOVERED_FAILURES, System::nanoTime),
                reader == null && writer == null ? null : codec.get().orElseThrow(), reader,
                writer == null ? null : new ResultEncoder(writer),
                faults == null ? null : faults.route(spec.method(), spec.template(), spec.nonBlocking()));
    }

    /** The codec's reader or writer for one of the route's types; every refusal names the route and the way out. */
    private static <T> T resolve(RouteSpec spec, String group, Supplier<Optional<BodyCodec>> codec, Type type,
                                 String verb, Function<BodyCodec, T> ask) {
        String route = "route " + spec.name() + " (" + group + ") needs to " + verb + " JSON as "
                + type.getTypeName();
        BodyCodec found = codec.get().orElseThrow(() -> new IllegalStateException(route + ", but no body codec is "
                + "on the class path: add the dependency dev.ward:ward-json (or dev.ward:ward-jackson), or pass one "
                + "with WardServer.builder().codec(...)"));
        try {
            return ask.apply(found);
        } catch (IllegalArgumentException refused) {
            throw new IllegalStateException(route + ", which " + found.getClass().getName() + " refuses: "
                    + refused.getMessage(), refused);
        }
    }
}
