package dev.ward.processor;

import java.util.List;

/** The qualified names the processor looks for. It reads them from source, so it never loads Ward's classes. */
public final class Names {
    public static final String GET = "dev.ward.Get";
    public static final String POST = "dev.ward.Post";
    public static final String PUT = "dev.ward.Put";
    public static final String PATCH = "dev.ward.Patch";
    public static final String DELETE = "dev.ward.Delete";
    public static final List<String> ROUTE_ANNOTATIONS = List.of(GET, POST, PUT, PATCH, DELETE);

    public static final String PATH_PARAM = "dev.ward.PathParam";
    public static final String QUERY_PARAM = "dev.ward.QueryParam";
    public static final String HEADER = "dev.ward.Header";
    public static final String BODY = "dev.ward.Body";
    public static final List<String> BINDING_ANNOTATIONS = List.of(PATH_PARAM, QUERY_PARAM, HEADER, BODY);
    /** {@code QueryParam.NO_DEFAULT}: the {@code defaultValue} that means "no default". */
    public static final String NO_DEFAULT = "\u0000ward:no-default\u0000";

    public static final String RECOVER = "dev.ward.Recover";
    public static final String TIMEOUT = "dev.ward.Timeout";
    public static final String REPLAY_BODY = "dev.ward.ReplayBody";
    public static final String TRACED = "dev.ward.Traced";
    public static final String COMPENSABLE = "dev.ward.Compensable";
    public static final String USE = "dev.ward.Use";
    public static final String NON_BLOCKING = "dev.ward.NonBlocking";
    public static final String RETRY = "dev.ward.Retry";
    public static final String FALLBACK = "dev.ward.Fallback";
    public static final String IDEMPOTENT = "dev.ward.Idempotent";
    public static final String CIRCUIT_BREAKER = "dev.ward.CircuitBreaker";
    public static final String RATE_LIMIT = "dev.ward.RateLimit";
    public static final String ADAPTIVE_CONCURRENCY = "dev.ward.AdaptiveConcurrency";
    /** The annotations that mean something only on a route or a class with routes. */
    public static final List<String> MIDDLEWARE_ANNOTATIONS = List.of(RECOVER, TIMEOUT, REPLAY_BODY, TRACED,
            COMPENSABLE, USE, NON_BLOCKING, RETRY, FALLBACK, IDEMPOTENT, CIRCUIT_BREAKER, RATE_LIMIT,
            ADAPTIVE_CONCURRENCY);

    public static final String RESPONDS = "dev.ward.Responds";
    /** The container javac writes for a repeated {@code @Responds}. */
    public static final String RESPONDS_LIST = "dev.ward.Responds.List";

    public static final String MIDDLEWARE = "dev.ward.Middleware";
    public static final String CONTEXT_VALUE = "dev.ward.ContextValue";

    public static final String RESPONSE = "dev.ward.Response";
    public static final String REPLY = "dev.ward.Reply";
    /** avaje-jsonb, ward-json's library: on the class path, routes classes import their JSON types for it. */
    public static final String AVAJE_JSON = "io.avaje.jsonb.Json";
    public static final String DEADLINE = "dev.ward.Deadline";
    public static final String REQUEST_ID = "dev.ward.RequestId";
    public static final String COMPENSATION_CONTEXT = "dev.ward.CompensationContext";
    public static final String EXCHANGE = "io.undertow.server.HttpServerExchange";
    public static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";
    public static final String OPTIONAL = "java.util.Optional";

    private Names() {
    }

    /** {@code dev.ward.Get} → {@code @Get}. */
    public static String simple(String annotation) {
        return "@" + annotation.substring(annotation.lastIndexOf('.') + 1);
    }
}
