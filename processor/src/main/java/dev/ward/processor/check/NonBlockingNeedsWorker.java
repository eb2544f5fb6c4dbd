package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.Binding;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.MiddlewareUse;
import dev.ward.processor.model.NonBlockingSpec;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.ValueType;
import javax.lang.model.element.AnnotationMirror;

/**
 * A {@code @NonBlocking} route runs on an I/O thread, so nothing in it may need a worker: a deadline interrupts a
 * worker, an {@code InputStream} body blocks on reads, the raw exchange invites blocking calls, and middleware is
 * code Ward cannot see into. Each is reported where it is declared.
 */
final class NonBlockingNeedsWorker extends RouteRule {
    NonBlockingNeedsWorker() {
        super("Ward/NonBlockingNeedsWorker");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (route.nonBlocking().isEmpty()) {
            return;
        }
        NonBlockingSpec nonBlocking = route.nonBlocking().get();
        boolean onMethod = nonBlocking.declaredOn().equals(route.method());
        // Reported on the route method; on its @NonBlocking too when the method carries it.
        AnnotationMirror mirror = onMethod ? nonBlocking.annotation() : null;
        String subject = describe(handlerClass, route) + " is @NonBlocking"
                + (onMethod ? "" : " (from its class)") + ", so it runs on an I/O thread";
        route.timeout().ifPresent(timeout -> diagnostics.error(id(), route.method(), mirror, null,
                subject + ", but @Timeout needs a worker: its deadline interrupts the thread running the handler",
                "remove @Timeout, or remove @NonBlocking so the route runs on a worker."));
        for (Param param : route.params()) {
            if (param.binding() == Binding.BODY && param.valueType() == ValueType.INPUT_STREAM) {
                diagnostics.error(id(), param.element(), subject + ", but its @Body InputStream "
                                + param.javaName() + " blocks the thread on every read",
                        "take the body as byte[] or String (buffered without blocking), or remove @NonBlocking.");
            } else if (param.binding() == Binding.EXCHANGE) {
                diagnostics.error(id(), param.element(), subject + ", but it takes the raw HttpServerExchange "
                                + param.javaName() + ", whose blocking streams fail or stall there",
                        "take the values you need as @Header/@QueryParam/@Body parameters, or remove @NonBlocking.");
            }
        }
        for (MiddlewareUse use : route.uses()) {
            diagnostics.error(id(), route.method(), mirror, null, subject + ", but it uses middleware "
                            + use.middleware().type().getSimpleName() + ", which Ward cannot prove never blocks",
                    "remove @NonBlocking, or do the middleware's work in the handler.");
        }
    }
}
