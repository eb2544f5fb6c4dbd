package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.FallbackRef;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Types;

/** The fallback's result is the response in place of the route's: it must be of the route's return type. */
final class FallbackReturnType extends FallbackRule.OfTheMethod {
    private final Types types;

    FallbackReturnType(Types types) {
        super("Ward/FallbackReturnType");
        this.types = types;
    }

    @Override
    void check(Route route, FallbackRef named, ExecutableElement fallback, Diagnostics diagnostics) {
        if (!types.isSameType(fallback.getReturnType(), route.method().getReturnType())) {
            report(diagnostics, named, "fallback " + named.name() + " returns " + fallback.getReturnType()
                            + ", but " + route.methodName() + " returns " + route.method().getReturnType()
                            + "; the fallback's result answers in the route's place",
                    "make " + named.name() + " return " + route.method().getReturnType() + ".");
        }
    }
}
