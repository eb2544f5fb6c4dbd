package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.RetrySpec;
import dev.ward.processor.model.Route;

/** maxAttempts counts the first attempt: below 1 the route would never run. */
final class RetryAttempts extends RetryRule {
    RetryAttempts() {
        super("Ward/RetryAttempts");
    }

    @Override
    void check(Route route, RetrySpec retry, Diagnostics diagnostics) {
        if (retry.maxAttempts() < 1) {
            report(diagnostics, route, retry, "maxAttempts", "@Retry(maxAttempts = " + retry.maxAttempts()
                            + ") would never run the route; maxAttempts counts the first attempt",
                    "give the attempts in all, at least 1, e.g. @Retry(maxAttempts = 3) for two retries.");
        }
    }
}
