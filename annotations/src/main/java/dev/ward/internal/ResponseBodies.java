package dev.ward.internal;

import dev.ward.Response;
import java.nio.ByteBuffer;

/**
 * Ward's runtime and {@link Response}'s internals, without a copy: the runtime hands a body it encoded itself (an
 * array nobody else holds) to a response, and reads a response's body to write it. <b>Not an API</b>: a user's
 * array goes through {@link Response#body(byte[], String)}, which copies it, so no caller can change a response
 * after building it. {@code Response} installs the one implementation when its class is initialized.
 */
public final class ResponseBodies {
    /** What {@code Response} lets the runtime do. */
    public interface Access {
        /** {@code head} with the first {@code length} bytes of {@code body} as its body, taken over without a copy. */
        Response adopt(Response head, byte[] body, int length, String contentType);

        /** The body as a buffer over the response's own array, for writing it once; never changed by the writer. */
        ByteBuffer wrap(Response response);
    }

    private static volatile Access access;

    private ResponseBodies() {
    }

    /** Called once, by {@code Response}'s static initializer. */
    public static synchronized void install(Access implementation) {
        if (access != null) {
            throw new IllegalStateException("Response's body access is installed once, by Response");
        }
        access = implementation;
    }

    public static Access access() {
        if (access == null) {
            Response.noContent(); // initializes Response, which installs it
        }
        return access;
    }
}
