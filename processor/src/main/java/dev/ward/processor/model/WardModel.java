package dev.ward.processor.model;

import java.util.List;

/** Everything one processing round read: the checks run over it whole, so every mistake is reported at once. */
public record WardModel(List<HandlerClass> classes, List<StrayMiddleware> strays) {
}
