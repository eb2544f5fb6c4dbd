package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.ReplayBodySpec;
import dev.ward.processor.model.Route;

/** The replay buffer is held per request: its bound must be positive and at most the documented hard cap. */
final class ReplayBodyMaxBytes extends RouteRule {
    ReplayBodyMaxBytes() {
        super("Ward/ReplayBodyMaxBytes");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        route.replayBody().filter(spec -> spec.maxBytes() <= 0 || spec.maxBytes() > ReplayBodySpec.HARD_CAP)
                .ifPresent(spec -> diagnostics.error(id(), route.method(), spec.annotation(),
                        Annotations.explicitValue(spec.annotation(), "maxBytes"),
                        "@ReplayBody(maxBytes = " + spec.maxBytes() + ") must be between 1 and "
                                + ReplayBodySpec.HARD_CAP + " (64 MiB): the whole body is held in memory per request",
                        "bound the body by what the route really accepts, e.g. @ReplayBody(maxBytes = 1 << 20)."));
    }
}
