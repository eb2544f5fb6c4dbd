package dev.ward.undertow.internal;

import dev.ward.CircuitBreakerOpenException;
import dev.ward.Deadline;
import dev.ward.Reject;
import dev.ward.Reply;
import dev.ward.Response;
import dev.ward.undertow.BodyDecodingException;
import dev.ward.undertow.BodyReader;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.observation.Observation;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.xnio.XnioExecutor;

/**
 * One request on one route: what generated code binds from, and the only way it answers.
 *
 * <p>Every answer goes through one gate, a compare-and-set on {@code state}: the first of "the handler
 * answered", "the handler failed" and "the deadline passed" owns the response; every later attempt is refused
 * and counted as a late completion. So a response is written exactly once, whichever thread gets there first.
 */
public final class RouteExchange implements RequestValues {
    static final AttachmentKey<RouteExchange> ATTACHMENT = AttachmentKey.create(RouteExchange.class);

    private static final System.Logger LOG = System.getLogger("dev.ward");
    private static final int OPEN = 0;
    private static final int ANSWERED = 1;
    private static final int TIMED_OUT = 2;
    private static final VarHandle STATE;
    /** What a JSON result's body is added to. */
    private static final Response OK = Response.status(200);

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(RouteExchange.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final HttpServerExchange exchange;
    private final Route route;
    private final CompletionStep[] completionSteps;
    /** {@code @Retry} then {@code @Fallback}, innermost first: what sees a failure of the handler before it is answered. */
    private final FailureStep[] failureSteps;
    private final String requestId;
    private final Map<String, String> pathParams;
    private volatile int state;
    /** {@code System.nanoTime()} of the deadline, 0 for none; set on the I/O thread before dispatch. */
    private long deadlineNanos;
    private XnioExecutor.Key timer;
    private byte[] body;
    /** Whether {@link #raw()} has made the exchange's input stream replay the buffered body; worker thread only. */
    private boolean replayInstalled;
    /** What answers in the handler's place after the deadline; a stage, so sync and async fallbacks run alike. */
    private volatile Callable<CompletionStage<Response>> fallback;
    private volatile CompletableFuture<?> pending;
    /** {@code @Traced}: the route's observation, opened as a scope around the handler on its worker. */
    private Observation observation;
    /** {@code @Traced} with only a meter registry: the {@code .active} sample, whose stop gives the duration. */
    private LongTaskTimer.Sample activeSample;
    /**
     * {@code @Traced} with only a meter registry on a {@code @NonBlocking} route: the recording, told if the request
     * waits for an asynchronous answer, and when it started by the registry's clock; null and 0 on other routes.
     */
    private RequestRecorder.RouteRecording waitingRecording;
    private long recordingStartNanos;
    /** The failure that was answered, for the observation's {@code exception} tag; null when none was. */
    private volatile Throwable failure;
    /** {@code @Compensable} only: completes when the handler has returned (or will never run). */
    private final CompletableFuture<Void> handlerReturned;
    /** {@code @Compensable} only: the compensator holds a place for this request; set before dispatch. */
    private volatile boolean compensationHeld;
    /** The worker running the handler, while it runs; guarded by {@code this} so an interrupt never outlives it. */
    private Thread runner;
    /** {@code @Retry}: attempts of the handler started; they run one after another, each counting itself in first. */
    private volatile int attempts;
    /** {@code System.nanoTime()} when the current (or last) attempt started. */
    private volatile long attemptStartNanos;
    /** Retries scheduled so far: an attempt that sees it change scheduled the next one, and has not finished the handler. */
    private volatile int retriesScheduled;
    /** How the request's retries ended, for {@code ward.retries}; null while none ended them. */
    private volatile String retryOutcome;
    /** {@code @Fallback}: what answers in the handler's place on a failure its filter takes. */
    private volatile FailureFallback<CompletionStage<Response>> failureFallback;
    /** Refused before its handler could run (429, 503): no outcome for a breaker, no sample for a limit. */
    private volatile boolean refused;
    /** {@code @CircuitBreaker}: the breaker's permit, reported on when the exchange completes; null when refused. */
    private Breaker.Permit breakerPermit;
    /**
     * The open breaker's refusal when the route's {@code @Fallback} answers it in place of the 503: raised by the
     * handler once bound ({@link #onFailure}); set on the I/O thread before dispatch. Null for every other request.
     */
    private CircuitBreakerOpenException breakerRefusal;
    /** When an adaptive concurrency limit admitted the request; {@link AdaptiveLimiter#REFUSED} when none did. */
    private long limitAdmittedNanos = AdaptiveLimiter.REFUSED;

    RouteExchange(HttpServerExchange exchange, Route route, CompletionStep[] completionSteps,
                  FailureStep[] failureSteps, String requestId, Map<String, String> pathParams) {
        this.exchange = exchange;
        this.route = route;
        this.completionSteps = completionSteps;
        this.failureSteps = failureSteps;
        this.requestId = requestId;
        this.pathParams = pathParams;
        this.handlerReturned = route.spec().compensation() == null ? null : new CompletableFuture<>();
    }

    // ---- for generated code: binding --------------------------------------------------------------------

    /** The value of a path variable of the matched template; never null, never the query's value. */
    @Override
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("route " + route.name() + " has no path variable " + name);
        }
        return value;
    }

    /** The first value of a query parameter; a 400 problem when absent. */
    @Override
    public String requiredQuery(String name) {
        return required(firstQuery(name), "query parameter", name);
    }

    @Override
    public Optional<String> optionalQuery(String name) {
        return Optional.ofNullable(firstQuery(name));
    }

    /** The first value of a request header; a 400 problem when absent. */
    @Override
    public String requiredHeader(String name) {
        return required(exchange.getRequestHeaders().getFirst(name), "header", name);
    }

    @Override
    public Optional<String> optionalHeader(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    /**
     * The buffered body; with {@code @ReplayBody} or {@code @Retry}, each call gets its own copy, so no consumer
     * (nor a later attempt) sees another's edits.
     */
    @Override
    public byte[] bodyBytes() {
        byte[] buffered = bufferedBody();
        return replays() || route.spec().retry() != null ? buffered.clone() : buffered;
    }

    /**
     * The buffered body itself, for a {@code @ReplayBody} handler that is the one consumer of its body (the processor
     * decides: no middleware, compensation or raw exchange reads it), so nobody sees its edits; under {@code @Retry}
     * each attempt still gets its own copy.
     */
    public byte[] soleBodyBytes() {
        byte[] buffered = bufferedBody();
        return route.spec().retry() != null ? buffered.clone() : buffered;
    }

    /** The buffered body, decoded with the charset that {@code Content-Type} names, UTF-8 by default. */
    @Override
    public String bodyText() {
        return new String(bufferedBody(), requestCharset());
    }

    /**
     * The body as a stream for reading on this worker thread. Reading past the server's entity limit (also for
     * a chunked body, which Undertow does not bound) fails with a 413.
     */
    @Override
    public InputStream bodyStream() {
        if (replays()) {
            return new ByteArrayInputStream(bufferedBody());
        }
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        return new BoundedInputStream(exchange.getInputStream(), route.maxEntitySize());
    }

    /**
     * The body decoded as the route's JSON body type, from the buffered bytes; on a worker thread, or on the I/O
     * thread of a non-blocking route, whose body is buffered before it runs. A body of a media type the codec does
     * not read is a 415; one the codec refuses is a 400 saying what is wrong and where, and so is one whose type's
     * constructor refuses it with an {@code IllegalArgumentException} (its message, quoted, at {@code $}). The
     * type is the one the route registered with {@link RouteBuilder#reads}, which the generated caller declares.
     */
    @SuppressWarnings("unchecked")
    public <T> T bodyValue() {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        String mediaType = contentType == null ? "" : MediaTypes.withoutParameters(contentType);
        if (!route.codec().reads(mediaType)) {
            String send = route.codec().writesMediaType();
            throw new BindException(415, contentType == null ? "the body has no Content-Type; send " + send
                    : "the body's Content-Type " + Bind.quote(contentType) + " is not one this route reads; send "
                    + send);
        }
        try {
            return ((BodyReader<T>) route.reader()).read(bufferedBody());
        } catch (BodyDecodingException problem) {
            throw BindException.undecodable(problem);
        } catch (IllegalArgumentException invalid) {
            // The body type's own validation (a compact constructor that checks its components) refused it.
            throw BindException.undecodable(new BodyDecodingException(BodyDecodingException.Kind.WRONG_TYPE,
                    invalid.getMessage() == null ? "the body is not a valid value"
                            : BodyDecodingException.quote(invalid.getMessage()), DecodingErrors.ROOT));
        }
    }

    /** A JSON result, 200, encoded by the route's writer; {@code null} breaks the handler's contract (500). */
    public <T> Response encode(T value) {
        if (value == null) {
            throw new NullPointerException("the handler returned null; return a value, or Optional.empty() for 404");
        }
        return route.encoder().encode(OK, value, route.name());
    }

    /** A {@link Reply}: its value encoded by the route's writer with its status and headers, or its problem. */
    public <T> Response encodeReply(Reply<T> reply) {
        Objects.requireNonNull(reply, "the handler returned a null Reply");
        Response head = reply.value().isPresent() ? Response.status(reply.status())
                : Problems.of(reply.status(), reply.problem().orElseThrow(), requestId);
        for (Map.Entry<String, String> header : reply.headers()) {
            head = head.header(header.getKey(), header.getValue());
        }
        return reply.value().isPresent() ? route.encoder().encode(head, reply.value().get(), route.name()) : head;
    }

    /** An {@code Optional} JSON result: its value as {@link #encode} writes it, or a 404 problem when empty. */
    public <T> Response encodeOptional(Optional<T> value) {
        Objects.requireNonNull(value, "the handler returned a null Optional; return Optional.empty() for 404");
        return value.isPresent() ? encode(value.get()) : Problems.of(404, "nothing was found here", requestId);
    }

    /**
     * Puts a value a middleware produced into the request's context, under its generated typed key
     * ({@code UserIdKey.KEY}); a middleware that returns null has broken its contract and fails the route.
     */
    public <T> void attach(AttachmentKey<T> key, T value) {
        exchange.putAttachment(key, Objects.requireNonNull(value, "middleware returned null for a context value"));
    }

    /** The time this request has left: {@link Deadline#none()} on a route without {@code @Timeout}. */
    public Deadline deadline() {
        return deadlineNanos == 0 ? Deadline.none() : Deadline.atNanoTime(deadlineNanos);
    }

    /** The request id, as sent back in {@code X-Request-Id}. */
    public String requestId() {
        return requestId;
    }

    /**
     * The raw Undertow exchange, for handlers that take it as a parameter. Such a handler may read the request
     * and add response headers; it must not write the body, end the exchange or dispatch: Ward writes the
     * handler's result.
     */
    public HttpServerExchange raw() {
        if (replays() && !replayInstalled) {
            replayInstalled = true;
            exchange.startBlocking(); // Undertow's default, to which the replaying one leaves everything but input
            ReplayingBlockingExchange replaying = new ReplayingBlockingExchange(bufferedBody());
            replaying.delegate(exchange.startBlocking(replaying));
        }
        return exchange;
    }

    // ---- for generated code: answering --------------------------------------------------------------------

    /** Registers what answers in place of the handler if the deadline passes first ({@code @Timeout(fallback)}). */
    public void onTimeout(Callable<Response> fallback) {
        Objects.requireNonNull(fallback, "fallback");
        this.fallback = () -> CompletableFuture.completedFuture(fallback.call());
    }

    /** {@link #onTimeout} for asynchronous routes, whose fallback returns a stage too. */
    public <T> void onTimeoutAsync(Callable<? extends CompletionStage<T>> fallback,
                                   Function<? super T, Response> toResponse) {
        Objects.requireNonNull(fallback, "fallback");
        this.fallback = () -> fallback.call().thenApply(toResponse);
    }

    /**
     * Registers what answers in place of the handler when it fails with a failure the route's {@code @Fallback}
     * applies on; {@code fallback} gets the failure (the matching one of its cause chain). Generated code calls it
     * once the arguments are bound and before the route's method: for a request an open circuit breaker refused,
     * it throws that {@link CircuitBreakerOpenException} right here, so the method never runs and the fallback
     * answers.
     */
    public void onFailure(FailureFallback<Response> fallback) {
        Objects.requireNonNull(fallback, "fallback");
        this.failureFallback = failure -> CompletableFuture.completedFuture(fallback.answer(failure));
        raiseBreakerRefusal();
    }

    /** {@link #onFailure} for asynchronous routes, whose fallback returns a stage too. */
    public <T> void onFailureAsync(FailureFallback<? extends CompletionStage<T>> fallback,
                                   Function<? super T, Response> toResponse) {
        Objects.requireNonNull(fallback, "fallback");
        this.failureFallback = failure -> fallback.answer(failure).thenApply(toResponse);
        raiseBreakerRefusal();
    }

    private void raiseBreakerRefusal() {
        if (breakerRefusal != null) {
            throw breakerRefusal;
        }
    }

    /**
     * What a {@code @Fallback} that also answers at the deadline receives then: a {@code TimeoutException} naming
     * the route's deadline.
     */
    public TimeoutException deadlineExceeded() {
        return new TimeoutException("route " + route.name() + " did not complete within its deadline of "
                + route.timeoutText());
    }

    /** Answers with the handler's result, unless someone answered first. */
    public void respond(Response response) {
        Objects.requireNonNull(response, "response");
        Response faulted = route.fault() == null ? null : injectFault();
        answer(faulted == null ? response : faulted);
    }

    /** Answers through the gate: the handler's result, or its fallback's. */
    private void answer(Response response) {
        if (!claim()) {
            late();
            return;
        }
        if (exchange.isResponseStarted()) {
            // An escape-hatch handler wrote on its own; writing again would corrupt the response.
            LOG.log(System.Logger.Level.WARNING, "route {0} started the response itself (request {1}); "
                    + "its return value was not written", route.name(), requestId);
            exchange.endExchange();
            return;
        }
        write(response);
    }

    /**
     * Writes the answer this exchange owns (the caller won the gate) on the connection's I/O thread: from a worker,
     * as one task handed to it. Sending and completing the exchange on the worker would take the I/O thread's locks
     * (the selector's interest set, its wake-up, its timer queue for the deadline) once each, and make the I/O thread
     * spin on the connection's read state while the worker completes; on a busy core, each of those waits for the
     * holder's next time slice. An exchange the handler made blocking keeps its worker: ending it closes the
     * blocking streams, which must not run on the I/O thread.
     */
    private void write(Response response) {
        if (exchange.isInIoThread() || exchange.isBlocking()) {
            ResponseWriter.write(exchange, response);
            return;
        }
        try {
            exchange.getIoThread().execute(() -> ResponseWriter.write(exchange, response));
        } catch (RejectedExecutionException stopping) {
            ResponseWriter.write(exchange, response); // the I/O thread is exiting: the worker writes, as it may
        }
    }

    /** Answers when an asynchronous handler's stage completes; a failed stage is a failure of the route. */
    public <T> void respondAsync(CompletionStage<T> stage, Function<? super T, Response> toResponse) {
        Objects.requireNonNull(stage, "the handler returned a null CompletionStage");
        Response faulted = route.fault() == null ? null : injectFault();
        if (faulted != null) {
            answer(faulted);
            return;
        }
        CompletableFuture<T> future = stage.toCompletableFuture();
        if (waitingRecording != null && !future.isDone()) {
            waitingRecording.waiting(this);
        }
        pending = future;
        if (state == TIMED_OUT) {
            future.cancel(true);
        }
        future.whenComplete((value, error) -> {
            if (error != null) {
                handlerFailed(unwrap(error), false);
                return;
            }
            Response response;
            try {
                response = toResponse.apply(value);
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            answer(response);
        });
    }

    /**
     * The test kit's fault for this answer ({@link HandlerFaults}): null to let the handler's answer through, else
     * the response to give instead. A failure it injects is thrown as it is, checked or not, so that the chain sees
     * exactly what the route's method throwing it would have been.
     */
    private Response injectFault() {
        try {
            return route.fault().answer(this);
        } catch (Exception injected) {
            throw RouteExchange.<RuntimeException>rethrow(injected);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable failure) throws T {
        throw (T) failure;
    }

    // ---- for the runtime ------------------------------------------------------------------------------------

    Route route() {
        return route;
    }

    HttpServerExchange httpExchange() {
        return exchange;
    }

    void observation(Observation observation) {
        this.observation = observation;
    }

    Observation observation() {
        return observation;
    }

    void activeSample(LongTaskTimer.Sample sample) {
        this.activeSample = sample;
    }

    LongTaskTimer.Sample activeSample() {
        return activeSample;
    }

    void recordingStarted(RequestRecorder.RouteRecording recording, long startNanos) {
        waitingRecording = recording;
        recordingStartNanos = startNanos;
    }

    boolean recordedByClock() {
        return waitingRecording != null;
    }

    long recordingStartNanos() {
        return recordingStartNanos;
    }

    /**
     * The exchange has completed: runs the route's completion steps in order. One step failing, even with an
     * {@code Error}, never skips the others (a broken meter registry must not stop a compensation or leave the
     * request counted in flight), and never escapes into Undertow's listener chain.
     */
    void completed() {
        for (CompletionStep step : completionSteps) {
            try {
                step.completed(this);
            } catch (Throwable failure) {
                LOG.log(System.Logger.Level.ERROR, "route " + route.name() + ": a completion step failed; request "
                        + requestId, failure);
            }
        }
    }

    Throwable failure() {
        return failure;
    }

    void body(byte[] body) {
        this.body = body;
    }

    /** Starts the clock: called on the I/O thread as the request enters a route with {@code @Timeout}. */
    void armDeadline(long startNanos) {
        long timeout = route.timeoutNanos();
        deadlineNanos = startNanos + timeout;
        timer = exchange.getIoThread().executeAfter(this::deadlinePassed, timeout, TimeUnit.NANOSECONDS);
    }

    /** The exchange completed: a deadline still pending is no longer anyone's business. */
    void cancelDeadline() {
        if (timer != null) {
            timer.remove();
        }
    }

    /**
     * Runs one attempt of the handler on the current thread (a worker, or the I/O thread of a
     * {@code @NonBlocking} route); a request whose deadline passed in the queue, or before its retry, never runs.
     */
    void runHandler() {
        if (state != OPEN) {
            handlerDone();
            return;
        }
        if (route.spec().retry() != null) {
            // Only @Retry reads these (whether another attempt can finish): other routes skip the clock read.
            attempts++;
            attemptStartNanos = System.nanoTime();
        }
        boolean retrying = false;
        // Only a deadline ever interrupts a handler: routes without one skip the bookkeeping.
        boolean interruptible = route.timeoutNanos() > 0;
        if (interruptible) {
            synchronized (this) {
                runner = Thread.currentThread();
            }
        }
        Observation.Scope scope = observation == null ? null : observation.openScope();
        try {
            route.spec().handler().handle(this);
        } catch (Throwable failure) {
            retrying = handlerFailed(failure, true);
            if (failure instanceof VirtualMachineError error) {
                throw error;
            }
        } finally {
            if (scope != null) {
                scope.close();
            }
            if (interruptible) {
                synchronized (this) {
                    // A retry this attempt scheduled may already run on another worker: that one is the runner now.
                    if (runner == Thread.currentThread()) {
                        runner = null;
                    }
                }
                // A deadline's interrupt belongs to this request only; the next task on this thread starts clean.
                Thread.interrupted();
            }
            if (!retrying) {
                handlerDone();
            }
        }
    }

    /**
     * A failure of the handler (its middleware and bindings included): the route's failure steps may run it again
     * or answer in its place; else it is answered as the route's failure. A refusal of the request (a 4xx
     * binding problem, a {@code Reject}) is the client's answer and goes straight out. Returns whether another
     * attempt is scheduled.
     */
    private boolean handlerFailed(Throwable failure, boolean onWorker) {
        int scheduled = retriesScheduled;
        if (state == OPEN && !(failure instanceof BindException) && !(failure instanceof Reject)
                && !(failure instanceof VirtualMachineError)) {
            for (FailureStep step : failureSteps) {
                if (step.handle(this, failure, onWorker)) {
                    return retriesScheduled != scheduled;
                }
            }
        }
        fail(failure);
        return false;
    }

    /** Runs the next attempt after {@code delayNanos}: a timer on this exchange's I/O thread, never a sleep. */
    void retryAfter(long delayNanos) {
        retriesScheduled++;
        if (delayNanos <= 0) {
            dispatchAgain(this::runHandler);
            return;
        }
        try {
            exchange.getIoThread().executeAfter(() -> dispatchAgain(this::runHandler), delayNanos,
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            rejected();
        }
    }

    /**
     * Runs {@code task} where the route's handler runs: on a worker (a full pool is the bulkhead's 503), or on
     * this exchange's I/O thread for a {@code @NonBlocking} route.
     */
    void dispatchAgain(Runnable task) {
        try {
            (route.spec().nonBlocking() ? exchange.getIoThread() : route.workers()).execute(task);
        } catch (RejectedExecutionException full) {
            rejected();
        }
    }

    /**
     * Answers with the {@code @Fallback}'s result for {@code failure}, through the gate like the handler's; a
     * failure of the fallback is the route's.
     */
    void answerWithFallback(FailureFallback<CompletionStage<Response>> fallback, Throwable failure) {
        runFallback(() -> fallback.answer(failure), this::answer, this::fail);
    }

    FailureFallback<CompletionStage<Response>> failureFallback() {
        return failureFallback;
    }

    int attempts() {
        return attempts;
    }

    long attemptStartNanos() {
        return attemptStartNanos;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    int retriesScheduled() {
        return retriesScheduled;
    }

    String retryOutcome() {
        return retryOutcome;
    }

    void retryOutcome(String outcome) {
        retryOutcome = outcome;
    }

    /** A failure anywhere in the route: answered once, as the route's failure policy says. */
    void fail(Throwable failure) {
        if (claim()) {
            answerFailure(failure);
        } else {
            late();
        }
    }

    /** The chain failed on the I/O thread, before the handler could run (and so it never will). */
    void failedBeforeHandler(Throwable failure) {
        handlerDone();
        fail(failure);
    }

    /** The worker pool refused the request: answered at once with 503, never queued without bound. */
    void rejected() {
        route.metrics().bulkheadRejection(route.name());
        unavailable("the server is at capacity; retry later");
    }

    /** Answers 503 for a request the server cannot take now, before any handler runs. */
    void unavailable(String detail) {
        refuseWith(Problems.of(503, detail, requestId));
    }

    /**
     * Answers a refusal that costs nothing and tells when to come back (429 over a rate limit, 503 shed by a
     * concurrency limit), before any handler runs.
     */
    void refuse(int status, String detail, long retryAfterSeconds) {
        refuseWith(Problems.of(status, detail, requestId).header("Retry-After", Long.toString(retryAfterSeconds)));
    }

    private void refuseWith(Response problem) {
        refused = true;
        handlerDone();
        if (claim()) {
            write(problem);
        }
    }

    /**
     * An open circuit breaker refused the request, and the route has no {@code @Fallback} that applies on the
     * refusal ({@link #leaveToFallback}): a 503 with {@code Retry-After}.
     */
    void breakerOpen(CircuitBreakerOpenException open) {
        refuse(503, "the circuit breaker " + open.breaker() + " is open; retry later",
                Math.max(1, open.retryAfter().toSeconds()));
    }

    /**
     * An open circuit breaker refused the request and the route's {@code @Fallback} answers it: the request is bound
     * as usual, and {@link #onFailure} raises {@code open} before the route's method runs.
     */
    void leaveToFallback(CircuitBreakerOpenException open) {
        breakerRefusal = open;
    }

    CircuitBreakerOpenException breakerRefusal() {
        return breakerRefusal;
    }

    boolean refused() {
        return refused;
    }

    void breakerPermit(Breaker.Permit permit) {
        this.breakerPermit = permit;
    }

    Breaker.Permit breakerPermit() {
        return breakerPermit;
    }

    void limitAdmittedNanos(long nanos) {
        this.limitAdmittedNanos = nanos;
    }

    long limitAdmittedNanos() {
        return limitAdmittedNanos;
    }

    /** Answers a 4xx for a request the route cannot take, before any handler runs. */
    void reject(BindException problem) {
        handlerDone();
        if (claim()) {
            answerFailure(problem);
        }
    }

    private void deadlinePassed() {
        if (!STATE.compareAndSet(this, OPEN, TIMED_OUT)) {
            return;
        }
        route.metrics().timeout(route.name());
        synchronized (this) {
            if (runner != null) {
                runner.interrupt();
            }
        }
        CompletableFuture<?> future = pending;
        if (future != null) {
            future.cancel(true);
        }
        if (route.spec().bodyMode() == BodyMode.STREAM) {
            // The handler may still be reading this request's body: never let the connection carry another.
            exchange.setPersistent(false);
        }
        Callable<CompletionStage<Response>> answer = fallback;
        if (answer == null) {
            ResponseWriter.write(exchange, Problems.of(503, "the request did not complete within its deadline of "
                    + route.timeoutText() + ".", requestId));
            return;
        }
        try {
            route.workers().execute(() -> runFallback(answer, this::write, this::answerFailure));
        } catch (RejectedExecutionException full) {
            route.metrics().bulkheadRejection(route.name());
            ResponseWriter.write(exchange, Problems.of(503, "the request did not complete within its deadline of "
                    + route.timeoutText() + ", and the server is at capacity", requestId));
        }
    }

    /**
     * Runs a fallback and hands its answer to {@code write}, or its failure to {@code failed}: after the deadline
     * this exchange already owns the response and writes directly; on a failure it answers through the gate.
     */
    private void runFallback(Callable<CompletionStage<Response>> answer, Consumer<Response> write,
                             Consumer<Throwable> failed) {
        CompletionStage<Response> stage;
        try {
            stage = Objects.requireNonNull(answer.call(), "the fallback returned null");
        } catch (Throwable failure) {
            failed.accept(failure);
            if (failure instanceof VirtualMachineError error) {
                throw error;
            }
            return;
        }
        stage.whenComplete((response, error) -> {
            if (error != null) {
                failed.accept(unwrap(error));
            } else if (response == null) {
                failed.accept(new NullPointerException("the fallback returned null"));
            } else {
                write.accept(response);
            }
        });
    }

    /** The single owner of the response turns a failure into the answer. */
    private void answerFailure(Throwable failure) {
        if (failure instanceof BindException problem) {
            if (problem.refusesBody()) {
                // The rest of a refused body is never parsed: this connection cannot carry another request.
                route.metrics().bodyRejected(route.name(), problem.status());
                LingeringClose.arm(exchange);
            }
            write(Problems.of(problem.status(), problem.getMessage(), problem.location(), requestId));
            return;
        }
        if (failure instanceof Reject rejection) {
            route.metrics().contextRejected(route.name(), rejection.response().status());
            write(rejection.response());
            return;
        }
        this.failure = failure;
        if (route.spec().recover()) {
            route.metrics().recovered(route.name(), failure);
            LOG.log(System.Logger.Level.ERROR, "route " + route.name() + " failed; request " + requestId, failure);
        } else {
            route.metrics().unrecovered(route.name(), failure);
            long suppressed = route.unrecoveredLog().admit();
            if (suppressed != LogRateLimit.SUPPRESS) {
                LOG.log(System.Logger.Level.WARNING, "route {0} failed with {1}; request {2} answered 500. "
                        + "Add @Recover to log the stack trace.{3}", route.name(), failure.getClass().getName(),
                        requestId, suppressed == 0 ? "" : " " + suppressed + " more failures of this route since "
                        + "the last such line were not logged (one line per "
                        + LogRateLimit.UNRECOVERED_FAILURES.toSeconds() + " s at most).");
            }
        }
        if (exchange.isResponseStarted()) {
            route.metrics().aborted(route.name());
            ResponseWriter.abort(exchange);
        } else {
            write(Problems.of(500, null, requestId));
        }
    }

    private void handlerDone() {
        if (handlerReturned != null) {
            handlerReturned.complete(null);
        }
    }

    CompletableFuture<Void> handlerReturned() {
        return handlerReturned;
    }

    void compensationHeld(boolean held) {
        compensationHeld = held;
    }

    boolean compensationHeld() {
        return compensationHeld;
    }

    boolean timedOut() {
        return state == TIMED_OUT;
    }

    Map<String, String> pathParams() {
        return pathParams;
    }

    byte[] bufferedBodyOrNull() {
        return body;
    }

    private boolean replays() {
        return route.spec().bodyMode() == BodyMode.REPLAY;
    }

    private byte[] bufferedBody() {
        if (body == null) {
            throw new IllegalStateException("route " + route.name() + " did not buffer its body");
        }
        return body;
    }

    private boolean claim() {
        return STATE.compareAndSet(this, OPEN, ANSWERED);
    }

    private void late() {
        route.metrics().lateCompletion(route.name());
    }

    private String firstQuery(String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null ? null : values.peekFirst();
    }

    private static String required(String value, String kind, String name) {
        if (value == null) {
            throw new BindException(kind + " '" + name + "' is required");
        }
        return value;
    }

    Charset requestCharset() {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        String charset = contentType == null ? null : Headers.extractQuotedValueFromHeader(contentType, "charset");
        if (charset == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new BindException(415, "the body's charset " + Bind.quote(charset) + " is not supported");
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof CancellationException ? error : cause;
    }
}
