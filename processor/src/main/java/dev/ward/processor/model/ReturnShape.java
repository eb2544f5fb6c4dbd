package dev.ward.processor.model;

import javax.lang.model.type.TypeMirror;

/**
 * What a handler method returns: {@code kind} of the value, and whether it comes in a {@code CompletionStage}.
 */
public record ReturnShape(Kind kind, boolean async, TypeMirror type) {
    public enum Kind { VOID, STRING, BYTES, RESPONSE, UNSUPPORTED }
}
