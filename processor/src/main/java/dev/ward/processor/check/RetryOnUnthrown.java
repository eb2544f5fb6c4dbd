package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.MiddlewareUse;
import dev.ward.processor.model.RetrySpec;
import dev.ward.processor.model.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * A checked exception in {@code retryOn} that neither the route nor its middleware declares (nor a sub- or
 * supertype of it) cannot come out of an attempt: the retry it promises never happens, usually a wrong class.
 * A failure wrapped in an unchecked one is retried by naming the wrapper ({@code UncheckedIOException}), whose
 * cause chain is then matched. An asynchronous route's stage may fail with any exception, so it is not judged.
 */
final class RetryOnUnthrown extends RetryRule {
    private final Types types;
    private final TypeMirror runtimeException;
    private final TypeMirror error;

    RetryOnUnthrown(Types types, Elements elements) {
        super("Ward/RetryOnUnthrown");
        this.types = types;
        this.runtimeException = elements.getTypeElement("java.lang.RuntimeException").asType();
        this.error = elements.getTypeElement("java.lang.Error").asType();
    }

    @Override
    void check(Route route, RetrySpec retry, Diagnostics diagnostics) {
        if (route.returns().async()) {
            return;
        }
        List<TypeMirror> thrown = new ArrayList<>(route.method().getThrownTypes());
        for (MiddlewareUse use : route.uses()) {
            if (use.middleware().method() != null) {
                thrown.addAll(use.middleware().method().getThrownTypes());
            }
        }
        for (TypeMirror retried : retry.retryOn()) {
            boolean unchecked = types.isSubtype(retried, runtimeException) || types.isSubtype(retried, error)
                    || types.isSubtype(runtimeException, retried);
            boolean related = thrown.stream().anyMatch(t -> types.isSubtype(t, retried) || types.isSubtype(retried, t));
            if (!unchecked && !related) {
                report(diagnostics, route, retry, "retryOn", "@Retry(retryOn = " + simple(retried) + ".class): "
                                + route.methodName() + "() and its middleware cannot throw " + retried + ", a checked "
                                + "exception, so it would never be retried (they declare "
                                + (thrown.isEmpty() ? "none" : thrown.stream().map(TypeMirror::toString)
                                .collect(Collectors.joining(", "))) + ")",
                        "retry on what the route really throws, or on the unchecked exception that wraps it "
                                + "(e.g. UncheckedIOException); its cause chain is matched.");
            }
        }
    }

    private String simple(TypeMirror type) {
        return types.asElement(type).getSimpleName().toString();
    }
}
