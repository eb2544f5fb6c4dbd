package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.Binding;
import dev.ward.processor.model.CompensableSpec;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.Route;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.util.Types;

/**
 * A compensation gets only what the route bound, captured from the failed request: each parameter is one of the
 * route's (same binding annotation, name and type), or a {@code CompensationContext}. A body needs
 * {@code @ReplayBody}, or it was consumed before anything could keep it.
 */
final class CompensationParameter extends CompensableRule {
    private final Types types;

    CompensationParameter(Types types) {
        super("Ward/CompensationParameter");
        this.types = types;
    }

    @Override
    void check(HandlerClass handlerClass, Route route, CompensableSpec spec, Diagnostics diagnostics) {
        for (Param param : spec.params()) {
            if (param.binding() == Binding.COMPENSATION_CONTEXT || param.binding() == Binding.REQUEST_ID) {
                continue;
            }
            if (param.binding() == Binding.BODY) {
                if (route.replayBody().isEmpty()) {
                    diagnostics.error(id(), param.element(), param.bindingAnnotation(), null,
                            "compensation " + spec.compensate() + " takes the body, but " + route.describe()
                                    + " has no @ReplayBody: its body is read once, by the route, and gone",
                            "add @ReplayBody to " + route.methodName() + ".");
                } else if (!param.valueType().isBody() || param.optional()) {
                    diagnostics.error(id(), param.element(), param.bindingAnnotation(), null,
                            "compensation " + spec.compensate() + " takes the body as " + param.element().asType(),
                            "take the body as byte[], String or InputStream.");
                }
                continue;
            }
            boolean drawn = route.params().stream().anyMatch(bound -> bound.binding() == param.binding()
                    && bound.binding() != Binding.BODY && param.name() != null && param.name().equals(bound.name())
                    && types.isSameType(bound.element().asType(), param.element().asType()));
            if (!drawn) {
                diagnostics.error(id(), param.element(), param.bindingAnnotation(), null,
                        "parameter " + param.javaName() + " of compensation " + spec.compensate() + " is not one of "
                                + route.methodName() + "'s bound parameters; available: " + available(route),
                        "take one of those (same annotation, name and type), a RequestId or a CompensationContext.");
            }
        }
    }

    private static String available(Route route) {
        List<String> bound = route.params().stream()
                .filter(p -> p.binding() == Binding.PATH || p.binding() == Binding.QUERY || p.binding() == Binding.HEADER)
                .map(p -> p.binding().annotation() + "(\"" + p.name() + "\") " + p.element().asType())
                .collect(Collectors.toList());
        return bound.isEmpty() ? "none (only a CompensationContext, or the body with @ReplayBody)"
                : String.join(", ", bound);
    }
}
