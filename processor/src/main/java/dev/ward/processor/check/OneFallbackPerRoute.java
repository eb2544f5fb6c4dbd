package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/**
 * A route has one fallback: {@code @Fallback} answers at the deadline too when its {@code applyOn} covers
 * {@code TimeoutException}, so a {@code @Timeout(fallback)} beside it would make two answers compete.
 */
final class OneFallbackPerRoute extends RouteRule {
    OneFallbackPerRoute() {
        super("Ward/OneFallbackPerRoute");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        route.failureFallback().ifPresent(fallback -> route.timeout().filter(t -> !t.fallback().isEmpty())
                .ifPresent(timeout -> diagnostics.error(id(), route.method(), fallback.annotation(),
                        Annotations.explicitValue(fallback.annotation(), "method"), route.methodName()
                                + "() has two fallbacks, @Timeout(fallback = \"" + timeout.fallback()
                                + "\") and @Fallback(method = \"" + fallback.method() + "\"); a route has one",
                        "remove fallback from @Timeout and add java.util.concurrent.TimeoutException.class to "
                                + "@Fallback(applyOn), so that it answers at the deadline too.")));
    }
}
