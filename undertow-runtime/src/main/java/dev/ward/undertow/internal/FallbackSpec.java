package dev.ward.undertow.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A route's {@code @Fallback}: which failures its fallback answers for. The fallback itself is registered per
 * request by the generated handler ({@link RouteExchange#onFailure}), with the request's bound arguments.
 */
public final class FallbackSpec {
    private final List<Class<? extends Throwable>> applyOn;
    private final List<Class<? extends Throwable>> skipOn = new ArrayList<>();
    /** Built with the spec, before the server starts: read-only once requests come. */
    private ExceptionFilter filter;

    private FallbackSpec(List<Class<? extends Throwable>> applyOn) {
        if (applyOn.isEmpty()) {
            throw new IllegalArgumentException("a fallback applies on at least one failure class");
        }
        this.applyOn = applyOn;
        this.filter = new ExceptionFilter(applyOn, skipOn);
    }

    @SafeVarargs
    public static FallbackSpec applyOn(Class<? extends Throwable>... failures) {
        return new FallbackSpec(List.of(failures));
    }

    @SafeVarargs
    public final FallbackSpec skipOn(Class<? extends Throwable>... failures) {
        skipOn.addAll(List.of(failures));
        filter = new ExceptionFilter(applyOn, skipOn);
        return this;
    }

    ExceptionFilter filter() {
        return filter;
    }

    @Override
    public String toString() {
        return filter().toString();
    }
}
