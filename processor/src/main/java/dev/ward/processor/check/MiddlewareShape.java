package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.Names;
import dev.ward.processor.model.Binding;
import dev.ward.processor.model.MiddlewareClass;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.WardModel;

/**
 * A {@code @Middleware} class has exactly one public instance method, which returns {@code void} or a
 * {@code @ContextValue} and never takes the raw exchange: the generated chain calls it, continues, and writes.
 */
final class MiddlewareShape implements Rule {
    private final Annotations annotations;

    MiddlewareShape(Annotations annotations) {
        this.annotations = annotations;
    }

    @Override
    public String id() {
        return "Ward/MiddlewareShape";
    }

    @Override
    public void check(WardModel model, Diagnostics diagnostics) {
        for (MiddlewareClass middleware : model.middlewares()) {
            String name = middleware.type().getSimpleName().toString();
            if (middleware.method() == null) {
                diagnostics.error(id(), middleware.type(),
                        annotations.find(middleware.type(), Names.MIDDLEWARE).orElse(null), null,
                        "@Middleware " + name + " has " + middleware.publicMethods().size() + " public instance "
                                + "methods " + middleware.publicMethods() + "; it must have exactly one, the step "
                                + "the chain calls",
                        "keep one public instance method; make helpers private.");
                continue;
            }
            if (middleware.returnsOther()) {
                diagnostics.error(id(), middleware.method(), name + "." + middleware.method().getSimpleName()
                                + "() returns " + middleware.method().getReturnType() + "; middleware returns void "
                                + "(proceed) or a @ContextValue type (proceed with a value), and throws Reject to stop",
                        "return void or a @ContextValue record; to answer instead, throw new Reject(response).");
            }
            for (Param param : middleware.params()) {
                if (param.binding() == Binding.EXCHANGE) {
                    diagnostics.error(id(), param.element(), name + " takes the raw HttpServerExchange; middleware "
                                    + "never sees the exchange, so it cannot write, end or forget to continue it",
                            "take what it needs as @Header, @QueryParam, @PathParam or @Body parameters.");
                }
            }
        }
    }
}
