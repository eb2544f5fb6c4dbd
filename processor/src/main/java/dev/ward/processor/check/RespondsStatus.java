package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.RespondsSpec;
import dev.ward.processor.model.ReturnShape;
import dev.ward.processor.model.Route;
import java.util.HashSet;
import java.util.Set;

/**
 * A declared status must be one the route can answer: an HTTP status (100-599), declared once, and for a
 * {@code Reply} one that {@code Reply} can carry (a 2xx other than 204 with the value, or a 4xx or 5xx problem).
 */
final class RespondsStatus extends RouteRule {
    private final Annotations annotations;

    RespondsStatus(Annotations annotations) {
        super("Ward/RespondsStatus");
        this.annotations = annotations;
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        boolean reply = route.returns().kind() == ReturnShape.Kind.REPLY;
        Set<Integer> seen = new HashSet<>();
        for (RespondsSpec spec : RespondsSpec.of(route.method(), annotations)) {
            int status = spec.status();
            String problem = status < 100 || status > 599 ? "is not an HTTP status (100-599)"
                    : reply && (status < 200 || status == 204 || status >= 300 && status < 400)
                    ? "is not an answer a Reply can carry: a 2xx other than 204 with the value, or a 4xx or 5xx problem"
                    : !seen.add(status) ? "is declared twice on " + describe(handlerClass, route)
                    : null;
            if (problem != null) {
                diagnostics.error(id(), route.method(), spec.annotation(),
                        Annotations.explicitValue(spec.annotation(), "status"),
                        "@Responds(status = " + status + ") " + problem,
                        "declare each status the route answers once, e.g. @Responds(status = 201).");
            }
        }
    }
}
