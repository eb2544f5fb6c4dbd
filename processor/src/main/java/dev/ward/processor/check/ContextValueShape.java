package dev.ward.processor.check;

import dev.ward.processor.Diagnostics;
import dev.ward.processor.model.ContextValueType;
import dev.ward.processor.model.WardModel;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;

/** A context value must be a record or a final class: a subclass could add mutable state behind its back. */
final class ContextValueShape implements Rule {
    @Override
    public String id() {
        return "Ward/ContextValueShape";
    }

    @Override
    public void check(WardModel model, Diagnostics diagnostics) {
        for (ContextValueType value : model.contextValues()) {
            boolean record = value.type().getKind() == ElementKind.RECORD;
            boolean finalClass = value.type().getKind() == ElementKind.CLASS
                    && value.type().getModifiers().contains(Modifier.FINAL);
            if (!record && !finalClass) {
                diagnostics.error(id(), value.type(), value.annotation(), null,
                        "@ContextValue " + value.type().getSimpleName() + " is a "
                                + value.type().getKind().toString().toLowerCase().replace('_', ' ')
                                + ", not a record or final class; a subclass could carry mutable state into "
                                + "every request that shares it",
                        "declare " + value.type().getSimpleName() + " as a record, or as a final class.");
            }
        }
    }
}
