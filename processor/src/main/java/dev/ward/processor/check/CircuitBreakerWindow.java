package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.CircuitBreakerSpec;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/**
 * The window holds the last {@code window} outcomes (one slot each, so it is bounded); {@code minimumCalls} of them
 * must be there before the breaker may open, so it can be neither below 1 nor above the window (it would never
 * open).
 */
final class CircuitBreakerWindow extends RouteRule {
    CircuitBreakerWindow() {
        super("Ward/CircuitBreakerWindow");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (route.circuitBreaker().isEmpty()) {
            return;
        }
        CircuitBreakerSpec breaker = route.circuitBreaker().get();
        String subject = "@CircuitBreaker on " + describe(handlerClass, route);
        if (breaker.window() < 1 || breaker.window() > CircuitBreakerSpec.MAX_WINDOW) {
            diagnostics.error(id(), route.method(), breaker.annotation(),
                    Annotations.explicitValue(breaker.annotation(), "window"),
                    subject + " has window = " + breaker.window() + "; the window counts the latest 1.."
                            + CircuitBreakerSpec.MAX_WINDOW + " requests",
                    "give how many recent requests the failure ratio is taken over, e.g. window = 20.");
        } else if (breaker.minimumCalls() < 1 || breaker.minimumCalls() > breaker.window()) {
            diagnostics.error(id(), route.method(), breaker.annotation(),
                    Annotations.explicitValue(breaker.annotation(), "minimumCalls"),
                    subject + " has minimumCalls = " + breaker.minimumCalls() + " and window = " + breaker.window()
                            + (breaker.minimumCalls() < 1 ? "; at least one request must have ended before it opens"
                            : "; the window never holds that many requests, so the breaker would never open"),
                    "give minimumCalls between 1 and window, e.g. minimumCalls = " + Math.max(1,
                            breaker.window() / 2) + ".");
        }
    }
}
