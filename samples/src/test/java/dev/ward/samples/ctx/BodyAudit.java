package dev.ward.samples.ctx;

import dev.ward.Body;
import dev.ward.Middleware;

/** Reads the body before the handler, and scribbles on its copy: the handler must still see the original. */
@Middleware
public final class BodyAudit {
    public void record(@Body byte[] body) {
        if (body.length > 0) {
            body[0] = 'X';
        }
    }
}
