package dev.ward.processor.model;

import java.util.List;
import javax.lang.model.element.TypeElement;

/** A class with at least one route method, and its routes in source order. */
public record HandlerClass(TypeElement element, List<Route> routes) {
}
