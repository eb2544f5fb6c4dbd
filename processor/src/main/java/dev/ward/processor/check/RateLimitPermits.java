package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.RateLimitSpec;
import dev.ward.processor.model.Route;

/** No permits, or no period to refill them over, is not a rate: the route would refuse everything or divide by 0. */
final class RateLimitPermits extends RouteRule {
    /** A year: the runtime counts a bucket's span in nanoseconds, in a long. */
    static final long MAX_PER_MILLIS = 366L * 24 * 60 * 60 * 1000;

    RateLimitPermits() {
        super("Ward/RateLimitPermits");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (route.rateLimit().isEmpty()) {
            return;
        }
        RateLimitSpec limit = route.rateLimit().get();
        String subject = "@RateLimit on " + describe(handlerClass, route);
        if (limit.permits() < 1) {
            diagnostics.error(id(), route.method(), limit.annotation(),
                    Annotations.explicitValue(limit.annotation(), "permits"),
                    subject + " has permits = " + limit.permits() + ", so it would refuse every request",
                    "give the requests admitted per period, at least 1, e.g. @RateLimit(permits = 100).");
        }
        if (limit.per() <= 0 || limit.per() > MAX_PER_MILLIS) {
            diagnostics.error(id(), route.method(), limit.annotation(),
                    Annotations.explicitValue(limit.annotation(), "per"),
                    subject + " has per = " + limit.per() + "; the period permits refill over must be "
                            + (limit.per() <= 0 ? "positive" : "at most a year (" + MAX_PER_MILLIS + " ms)"),
                    "give the period in milliseconds, e.g. per = 1000 for a rate per second.");
        }
    }
}
