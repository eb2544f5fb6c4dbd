package dev.ward.processor;

import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports findings on the element, annotation and annotation value at fault, in one format:
 * {@code [Ward/RuleId] what is wrong} then a line {@code Fix: how to fix it}. Remembers which classes have
 * errors, so nothing is generated for them.
 */
public final class Diagnostics {
    private final Messager messager;
    private final Set<String> classesWithErrors = new HashSet<>();

    public Diagnostics(Messager messager) {
        this.messager = messager;
    }

    public void error(String ruleId, Element element, AnnotationMirror annotation, AnnotationValue value,
                      String message, String fix) {
        report(Diagnostic.Kind.ERROR, ruleId, element, annotation, value, message, fix);
        TypeElement type = enclosingClass(element);
        if (type != null) {
            classesWithErrors.add(type.getQualifiedName().toString());
        }
    }

    public void error(String ruleId, Element element, String message, String fix) {
        error(ruleId, element, null, null, message, fix);
    }

    /** An error about the whole compilation, with no element to point at (a baseline file, a removed class). */
    public void error(String ruleId, String message, String fix) {
        messager.printMessage(Diagnostic.Kind.ERROR, "[" + ruleId + "] " + message + "\n    Fix: " + fix);
    }

    public void warning(String ruleId, Element element, AnnotationMirror annotation, String message, String fix) {
        report(Diagnostic.Kind.WARNING, ruleId, element, annotation, null, message, fix);
    }

    public boolean hasErrors(TypeElement type) {
        return classesWithErrors.contains(type.getQualifiedName().toString());
    }

    private void report(Diagnostic.Kind kind, String ruleId, Element element, AnnotationMirror annotation,
                        AnnotationValue value, String message, String fix) {
        String text = "[" + ruleId + "] " + message + "\n    Fix: " + fix;
        if (annotation != null && value != null) {
            messager.printMessage(kind, text, element, annotation, value);
        } else if (annotation != null) {
            messager.printMessage(kind, text, element, annotation);
        } else {
            messager.printMessage(kind, text, element);
        }
    }

    /** The class whose generated code an element affects: itself if it is a class, else the nearest one around it. */
    static TypeElement enclosingClass(Element element) {
        Element current = element;
        while (current != null && !(current instanceof TypeElement)) {
            current = current.getEnclosingElement();
        }
        return (TypeElement) current;
    }
}
