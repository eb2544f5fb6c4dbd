package dev.ward.undertow.internal;

/**
 * {@code @Compensable}: when the exchange completes, hands a failed request (exception, passed deadline, 5xx) to
 * the {@link Compensator}. Completion is the one moment that happens exactly once per request, so each failed
 * request is compensated exactly once, however its deadline and a late exception raced.
 */
final class CompensationStep implements CompletionStep {
    private final Compensator compensator;
    private final Compensator.Registered target;

    CompensationStep(Compensator compensator, Compensator.Registered target) {
        this.compensator = compensator;
        this.target = target;
    }

    @Override
    public void completed(RouteExchange route) {
        compensator.consider(route, target);
    }
}
