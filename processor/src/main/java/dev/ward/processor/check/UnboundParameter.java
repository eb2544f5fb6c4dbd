package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.Binding;
import dev.ward.processor.model.Param;

/** A parameter with no binding annotation whose type Ward does not supply by itself. */
final class UnboundParameter extends ParamRule {
    UnboundParameter() {
        super("Ward/UnboundParameter");
    }

    @Override
    void check(String owner, Param param, Diagnostics diagnostics) {
        if (param.binding() == Binding.NONE || param.binding() == Binding.COMPENSATION_CONTEXT) {
            diagnostics.error(id(), param.element(),
                    "parameter " + param.javaName() + " of " + owner
                            + " has no binding annotation, and Ward does not know how to supply a "
                            + param.element().asType(),
                    "annotate it with @PathParam, @QueryParam, @Header or @Body, take a Deadline or RequestId, or make its type a "
                            + "@ContextValue that middleware in the route produces.");
        }
    }
}
