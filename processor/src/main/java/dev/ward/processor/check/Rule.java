package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.WardModel;

/**
 * One compile-time rule: a stable id ({@code Ward/RouteNotPublic}), documented in {@code docs/rules.md}, that
 * reports every violation it finds in the model; it never stops at the first.
 */
public interface Rule {
    String id();

    void check(WardModel model, Diagnostics diagnostics);
}
