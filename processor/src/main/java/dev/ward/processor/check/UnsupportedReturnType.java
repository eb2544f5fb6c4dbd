package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.HandlerClass;
import dev.ward.processor.model.ReturnShape;
import dev.ward.processor.model.Route;

/** A return type Ward cannot turn into a response. */
final class UnsupportedReturnType extends RouteRule {
    UnsupportedReturnType() {
        super("Ward/UnsupportedReturnType");
    }

    @Override
    void check(HandlerClass handlerClass, Route route, Diagnostics diagnostics) {
        if (route.returns().kind() == ReturnShape.Kind.UNSUPPORTED) {
            diagnostics.error(id(), route.method(), route.routeAnnotation(), null,
                    describe(handlerClass, route) + " returns " + route.returns().type()
                            + ", which Ward cannot write as a response",
                    "return void, String, byte[], dev.ward.Response or a JSON record (or Optional or Reply of one),"
                            + " or a CompletionStage of one of them.");
        }
    }
}
