package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/** {@code @Idempotent} is a claim Ward cannot prove: without a reason, a reviewer has nothing to check it against. */
final class IdempotentReason extends RouteRule {
    IdempotentReason() {
        super("Ward/IdempotentReason");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        route.idempotent().filter(idempotent -> idempotent.reason().isBlank()).ifPresent(idempotent ->
                diagnostics.error(id(), route.method(), idempotent.annotation(),
                        Annotations.explicitValue(idempotent.annotation(), "reason"),
                        "@Idempotent on " + route.methodName() + "() gives no reason; the opt-in must say why "
                                + "running the route twice is harmless",
                        "name what makes it so, e.g. @Idempotent(reason = \"upserts by the Idempotency-Key header\")."));
    }
}
