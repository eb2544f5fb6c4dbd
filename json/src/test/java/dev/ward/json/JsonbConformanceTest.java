package dev.ward.json;

import dev.ward.undertow.BodyCodec;
import dev.ward.undertow.CodecLimits;
import dev.ward.undertow.codec.BodyCodecConformance;

class JsonbConformanceTest extends BodyCodecConformance {
    @Override
    protected BodyCodec codec(CodecLimits limits) {
        return new JsonbCodec(limits);
    }

    /** Refused when the route is built instead: see JsonbCodecTest. */
    @Override
    protected boolean readsListsOfGenericTypesInComponents() {
        return false;
    }
}
