package dev.ward.processor.model;

import javax.lang.model.type.TypeMirror;

/**
 * What a handler method returns: {@code kind} of the value, and whether it comes in a {@code CompletionStage};
 * {@code type} as declared, {@code data} the JSON value's type ({@code Order} of {@code Optional<Order>} or
 * {@code Reply<Order>}) for the data kinds, else null.
 */
public record ReturnShape(Kind kind, boolean async, TypeMirror type, TypeMirror data) {
    public enum Kind {
        VOID, STRING, BYTES, RESPONSE,
        /** A JSON value, encoded by the server's codec; the checks judge the type. */
        DATA,
        /** {@code Optional<T>} of a JSON value: empty answers 404. */
        OPTIONAL_DATA,
        /** {@code dev.ward.Reply<T>}: a JSON value with its status and headers, or a problem. */
        REPLY,
        UNSUPPORTED
    }

    public ReturnShape(Kind kind, boolean async, TypeMirror type) {
        this(kind, async, type, null);
    }

    public boolean isData() {
        return kind == Kind.DATA || kind == Kind.OPTIONAL_DATA || kind == Kind.REPLY;
    }
}
