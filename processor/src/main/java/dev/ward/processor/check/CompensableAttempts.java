package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.CompensableSpec;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/** At least one attempt, and a backoff that is not negative. */
final class CompensableAttempts extends CompensableRule {
    CompensableAttempts() {
        super("Ward/CompensableAttempts");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, CompensableSpec spec, Diagnostics diagnostics) {
        if (spec.maxAttempts() < 1) {
            report(diagnostics, route, spec, "maxAttempts", "@Compensable(maxAttempts = " + spec.maxAttempts()
                    + ") would never run the compensation", "allow at least one attempt, e.g. maxAttempts = 5.");
        }
        if (spec.backoffMillis() < 0) {
            report(diagnostics, route, spec, "backoffMillis", "@Compensable(backoffMillis = " + spec.backoffMillis()
                    + ") is negative", "give the first retry's delay in milliseconds, e.g. backoffMillis = 100.");
        }
    }
}
