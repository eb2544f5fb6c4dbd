package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.Param;
import java.util.stream.Collectors;

/** A parameter with two sources ({@code @PathParam @QueryParam}) has no single meaning. */
final class ConflictingBindings extends ParamRule {
    ConflictingBindings() {
        super("Ward/ConflictingBindings");
    }

    @Override
    void check(String owner, Param param, Diagnostics diagnostics) {
        if (param.bindings().size() > 1) {
            String names = param.bindings().stream()
                    .map(a -> "@" + a.getAnnotationType().asElement().getSimpleName())
                    .collect(Collectors.joining(" and "));
            diagnostics.error(id(), param.element(), param.bindings().get(1), null,
                    "parameter " + param.javaName() + " has " + names + "; a parameter is bound from one place",
                    "keep one binding annotation, and add a second parameter for the other value.");
        }
    }
}
