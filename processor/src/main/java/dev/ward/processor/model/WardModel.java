package dev.ward.processor.model;

import java.util.List;

/**
 * Everything one processing round read: the checks run over it whole, so every mistake is reported at once.
 *
 * @param middlewares   the classes annotated {@code @Middleware} in this round, used or not
 * @param contextValues the classes annotated {@code @ContextValue} in this round
 */
public record WardModel(List<HandlerClass> classes, List<StrayMiddleware> strays, List<MiddlewareClass> middlewares,
                        List<ContextValueType> contextValues) {
}
