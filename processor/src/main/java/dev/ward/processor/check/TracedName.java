package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An observation name must be a valid Micrometer name ({@code [a-z][a-z0-9_.]*}), and never carry a path
 * variable: one meter per order id is a memory leak in every metrics backend.
 */
final class TracedName extends RouteRule {
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_.]*");
    /** A class-level {@code @Traced} applies to every route; report it once. */
    private final Set<Object> reported = new HashSet<>();

    TracedName() {
        super("Ward/TracedName");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        route.traced().filter(traced -> !traced.name().isEmpty() && !VALID.matcher(traced.name()).matches())
                .filter(traced -> reported.add(traced.annotation()))
                .ifPresent(traced -> diagnostics.error(id(), traced.declaredOn(), traced.annotation(),
                        Annotations.explicitValue(traced.annotation(), "value"),
                        traced.name().contains("{")
                                ? "@Traced(\"" + traced.name() + "\") contains a path variable: every value would "
                                        + "make a new meter, without bound"
                                : "@Traced(\"" + traced.name() + "\") is not a valid observation name: it must "
                                        + "match [a-z][a-z0-9_.]*",
                        "name what the route does, in lower case with dots, e.g. @Traced(\"orders.place\"); "
                                + "the route template is already the uri tag."));
    }
}
