package dev.ward.processor.model;

import javax.lang.model.element.AnnotationMirror;

/** A route's {@code @CircuitBreaker}; {@code name} is empty for the route's own breaker. */
public record CircuitBreakerSpec(AnnotationMirror annotation, double failureRatio, long window, long minimumCalls,
                                 long openFor, long halfOpenCalls, String name) {
    /** The largest window: the breaker keeps one slot per call in it. */
    public static final long MAX_WINDOW = 10_000;

    /** The parameters two routes sharing the breaker by name must agree on, as messages show them. */
    public String parameters() {
        return "failureRatio = " + failureRatio + ", window = " + window + ", minimumCalls = " + minimumCalls
                + ", openFor = " + openFor + ", halfOpenCalls = " + halfOpenCalls;
    }
}
