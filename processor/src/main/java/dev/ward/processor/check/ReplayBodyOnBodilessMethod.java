package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.Route;

/** GET and DELETE requests carry no body worth replaying; {@code @ReplayBody} there is a misunderstanding. */
final class ReplayBodyOnBodilessMethod extends RouteRule {
    ReplayBodyOnBodilessMethod() {
        super("Ward/ReplayBodyOnBodilessMethod");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (route.replayBody().isPresent() && !route.httpMethod().hasBody()) {
            diagnostics.error(id(), route.method(), route.replayBody().get().annotation(), null,
                    "@ReplayBody on " + route.describe() + ": " + route.httpMethod()
                            + " requests have no body to replay",
                    "remove @ReplayBody, or serve the route with @Post, @Put or @Patch.");
        }
    }
}
