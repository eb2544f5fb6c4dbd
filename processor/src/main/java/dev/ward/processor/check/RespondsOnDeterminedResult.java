package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.RespondsSpec;
import dev.ward.processor.model.ReturnShape;
import dev.ward.processor.model.Route;

/**
 * {@code @Responds} describes what the result type cannot: a {@code Response}, or a {@code Reply}'s status. On a
 * result that decides the answer itself ({@code void}: 204, {@code String}, {@code byte[]}, a JSON value,
 * {@code Optional}) it could only contradict it; on a {@code Reply} a body type would contradict its {@code T}.
 */
final class RespondsOnDeterminedResult extends RouteRule {
    private final Annotations annotations;

    RespondsOnDeterminedResult(Annotations annotations) {
        super("Ward/RespondsOnDeterminedResult");
        this.annotations = annotations;
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        ReturnShape.Kind kind = route.returns().kind();
        if (kind == ReturnShape.Kind.RESPONSE || kind == ReturnShape.Kind.UNSUPPORTED) {
            return;
        }
        for (RespondsSpec spec : RespondsSpec.of(route.method(), annotations)) {
            if (kind != ReturnShape.Kind.REPLY) {
                diagnostics.error(id(), route.method(), spec.annotation(), null, describe(handlerClass, route)
                        + " returns " + route.returns().type() + ", which already decides its answer; "
                        + "@Responds(status = " + spec.status() + ") would only contradict it",
                        "remove @Responds, or return dev.ward.Response or dev.ward.Reply<T> to answer other statuses.");
            } else if (spec.hasBody()) {
                diagnostics.error(id(), route.method(), spec.annotation(),
                        Annotations.explicitValue(spec.annotation(), "body"), describe(handlerClass, route)
                        + " returns " + route.returns().type() + ": its 2xx body is the Reply's value and its 4xx "
                        + "or 5xx body a problem, so @Responds(body = " + spec.body() + ") would contradict it",
                        "remove body from @Responds.");
            }
        }
    }
}
