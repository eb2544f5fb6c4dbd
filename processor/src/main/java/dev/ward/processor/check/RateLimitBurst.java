package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/** A burst is room above the rate; a negative one would shrink the bucket below its own rate. */
final class RateLimitBurst extends RouteRule {
    RateLimitBurst() {
        super("Ward/RateLimitBurst");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        route.rateLimit().filter(limit -> limit.burst() < 0)
                .ifPresent(limit -> diagnostics.error(id(), route.method(), limit.annotation(),
                        Annotations.explicitValue(limit.annotation(), "burst"),
                        "@RateLimit(burst = " + limit.burst() + ") on " + describe(handlerClass, route)
                                + " is negative; a burst is how many requests above permits may come at once",
                        "give 0 for no burst, or the extra requests to allow after a pause, e.g. burst = 20."));
    }
}
