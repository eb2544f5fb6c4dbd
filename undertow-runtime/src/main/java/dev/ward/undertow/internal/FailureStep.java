package dev.ward.undertow.internal;

/**
 * A step between dispatch and the handler that sees a failure of the handler (its middleware and bindings
 * included) before it is answered: {@link RetryStep} may run it again, {@link FallbackStep} may answer in its
 * place. Its {@code toString} names the step and its bound, as {@link ChainStep}'s do.
 */
interface FailureStep {
    /**
     * Takes the failure over (it will run the route again or answer), or returns false to pass it outwards.
     *
     * @param onWorker whether the caller is the thread that ran the handler (a worker, or the I/O thread of a
     *                 {@code @NonBlocking} route); false for a failed stage, completed on any thread
     */
    boolean handle(RouteExchange exchange, Throwable failure, boolean onWorker);
}
