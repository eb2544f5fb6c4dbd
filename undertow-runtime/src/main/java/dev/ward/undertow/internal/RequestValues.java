package dev.ward.undertow.internal;

import java.io.InputStream;
import java.util.Optional;

/**
 * The request values generated code binds parameters from: the live request ({@link RouteExchange}) for a
 * route, or the values captured when it failed ({@link CompensationArguments}) for its compensation. One
 * contract, so a compensation binds exactly as its route did.
 */
public interface RequestValues {
    /** The value of a path variable of the matched template; never null. */
    String pathParam(String name);

    /** The first value of a query parameter; absent is a binding failure. */
    String requiredQuery(String name);

    Optional<String> optionalQuery(String name);

    /** The first value of a header; absent is a binding failure. */
    String requiredHeader(String name);

    Optional<String> optionalHeader(String name);

    /** The body's bytes; a caller that may change them gets its own copy. */
    byte[] bodyBytes();

    /** The body decoded with the request's charset, UTF-8 by default. */
    String bodyText();

    InputStream bodyStream();
}
