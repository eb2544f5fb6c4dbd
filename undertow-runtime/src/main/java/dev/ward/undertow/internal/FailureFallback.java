package dev.ward.undertow.internal;

/**
 * A {@code @Fallback} method called with one request's bound arguments and the failure it stands in for:
 * {@code T} is a {@code Response}, or a stage of the route's result for an asynchronous route.
 */
@FunctionalInterface
public interface FailureFallback<T> {
    T answer(Throwable failure) throws Exception;
}
