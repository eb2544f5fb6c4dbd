package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.CompensableSpec;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.HttpMethod;
import dev.ward.processor.model.Route;

/** A safe method changes nothing, so there is nothing to compensate. */
final class CompensableOnSafeMethod extends CompensableRule {
    CompensableOnSafeMethod() {
        super("Ward/CompensableOnSafeMethod");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, CompensableSpec spec, Diagnostics diagnostics) {
        if (route.httpMethod() == HttpMethod.GET) {
            report(diagnostics, route, spec, null, "@Compensable on " + route.describe() + ": GET is a safe method "
                            + "and must change nothing, so there is nothing to compensate",
                    "serve the route with @Post, @Put, @Patch or @Delete, or remove @Compensable.");
        }
    }
}
