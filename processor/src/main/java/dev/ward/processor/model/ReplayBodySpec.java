package dev.ward.processor.model;

import javax.lang.model.element.AnnotationMirror;

/** A route's {@code @ReplayBody}. */
public record ReplayBodySpec(AnnotationMirror annotation, long maxBytes) {
    /** The largest bound {@code maxBytes} may name: 64 MiB, so one request can never take a heap. */
    public static final long HARD_CAP = 64L * 1024 * 1024;
}
