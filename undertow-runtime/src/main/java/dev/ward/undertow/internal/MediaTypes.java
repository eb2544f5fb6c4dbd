package dev.ward.undertow.internal;

import java.util.Locale;

/** The JSON media types, for codecs and the runtime's 415 check alike. */
public final class MediaTypes {
    /** What JSON codecs write: RFC 8259 defines no charset parameter, JSON is UTF-8. */
    public static final String JSON = "application/json";

    private MediaTypes() {
    }

    /**
     * Whether {@code mediaType} ({@code type/subtype}, lower case, no parameters) is {@code application/json} or
     * a structured {@code application/*+json} type such as {@code application/merge-patch+json}.
     */
    public static boolean isJson(String mediaType) {
        return mediaType.equals(JSON)
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json")
                && mediaType.length() > "application/+json".length());
    }

    /** {@code application/json} of {@code Application/JSON; charset=utf-8}: lower case, parameters dropped. */
    public static String withoutParameters(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
