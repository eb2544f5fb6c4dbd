package dev.ward.processor.model;

/** The HTTP methods a route annotation can name. */
public enum HttpMethod {
    GET, POST, PUT, PATCH, DELETE;

    /** Whether requests with this method carry a body worth reading. */
    public boolean hasBody() {
        return this != GET && this != DELETE;
    }
}
