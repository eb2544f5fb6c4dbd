package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.StrayMiddleware;
import dev.ward.processor.model.WardModel;
import javax.lang.model.element.TypeElement;

/** A middleware annotation where there is no route would silently do nothing. */
final class MiddlewareWithoutRoute implements Rule {
    @Override
    public String id() {
        return "Ward/MiddlewareWithoutRoute";
    }

    @Override
    public void check(WardModel model, Diagnostics diagnostics) {
        for (StrayMiddleware stray : model.strays()) {
            String annotation = "@" + stray.annotation().getAnnotationType().asElement().getSimpleName();
            String where = stray.element() instanceof TypeElement type
                    ? "class " + type.getSimpleName() + ", which has no route methods"
                    : stray.element().getSimpleName() + "(), which is not a route";
            diagnostics.error(id(), stray.element(), stray.annotation(), null,
                    annotation + " is on " + where + ", so it would do nothing",
                    "put " + annotation + " on a method annotated @Get, @Post, @Put, @Patch or @Delete, or on its class.");
        }
    }
}
