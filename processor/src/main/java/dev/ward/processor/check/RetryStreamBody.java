package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.Binding;
import dev.ward.processor.model.Param;
import dev.ward.processor.model.RetrySpec;
import dev.ward.processor.model.Route;
import dev.ward.processor.model.ValueType;
import java.util.ArrayList;
import java.util.List;

/** The first attempt consumes a streamed body; a retry would read nothing, and act on an empty request. */
final class RetryStreamBody extends RetryRule {
    RetryStreamBody() {
        super("Ward/RetryStreamBody");
    }

    @Override
    void check(Route route, RetrySpec retry, Diagnostics diagnostics) {
        if (route.replayBody().isPresent()) {
            return;
        }
        List<Param> params = new ArrayList<>(route.params());
        route.uses().forEach(use -> params.addAll(use.middleware().params()));
        params.stream().filter(p -> p.binding() == Binding.BODY && p.valueType() == ValueType.INPUT_STREAM)
                .findFirst().ifPresent(body -> report(diagnostics, route, retry, null, "@Retry on "
                                + route.methodName() + "(), which reads its body as an InputStream ("
                                + body.element().getSimpleName() + "): the first attempt consumes it, and a retry "
                                + "would read nothing",
                        "add @ReplayBody, so that every attempt reads the whole body, or take it as byte[] or String."));
    }
}
