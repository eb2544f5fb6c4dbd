package dev.ward.processor.model;

/** The Java types Ward converts request values into. */
public enum ValueType {
    STRING, INT, LONG, BOOLEAN, INTEGER, LONG_BOX, BOOLEAN_BOX, UUID, ENUM,
    /** {@code @Body byte[]}. */
    BYTES,
    /** {@code @Body InputStream}. */
    INPUT_STREAM,
    /** {@code @Body OrderRequest} of a route: JSON decoded by the server's codec; the checks judge the type. */
    DATA,
    /** Anything else: the type is reported, never generated. */
    UNSUPPORTED;

    /** Whether path, query and header values may have this type. */
    public boolean isScalar() {
        return this != BYTES && this != INPUT_STREAM && this != DATA && this != UNSUPPORTED;
    }

    /** Whether {@code @Body} may have this type ({@code String}, {@code byte[]}, {@code InputStream} or JSON). */
    public boolean isBody() {
        return this == STRING || this == BYTES || this == INPUT_STREAM || this == DATA;
    }

    /** The bodies Ward takes as they are, without a codec. */
    public boolean isRawBody() {
        return this == STRING || this == BYTES || this == INPUT_STREAM;
    }
}
