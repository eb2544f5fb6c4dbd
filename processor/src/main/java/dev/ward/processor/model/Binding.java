package dev.ward.processor.model;

/** Where a handler parameter's value comes from. */
public enum Binding {
    PATH("@PathParam", "path parameter"),
    QUERY("@QueryParam", "query parameter"),
    HEADER("@Header", "header"),
    BODY("@Body", "body"),
    /** Undertow's {@code HttpServerExchange}: the escape hatch. */
    EXCHANGE(null, "exchange"),
    /** {@code dev.ward.Deadline}: the time the request has left. */
    DEADLINE(null, "deadline"),
    /** {@code dev.ward.RequestId}: the request's id. */
    REQUEST_ID(null, "request id"),
    /** {@code dev.ward.CompensationContext}: only in a compensation method. */
    COMPENSATION_CONTEXT(null, "compensation context"),
    /** A {@code @ContextValue} type: produced by middleware earlier in the route's chain. */
    CONTEXT(null, "context value"),
    /** No annotation and no type Ward knows how to supply. */
    NONE(null, "unbound");

    private final String annotation;
    private final String description;

    Binding(String annotation, String description) {
        this.annotation = annotation;
        this.description = description;
    }

    /** {@code @QueryParam}, or null for bindings by type. */
    public String annotation() {
        return annotation;
    }

    /** {@code query parameter}: how a 400 problem names the source. */
    public String description() {
        return description;
    }
}
