package dev.ward.jackson;

import dev.ward.undertow.BodyCodec;
import dev.ward.undertow.CodecLimits;
import dev.ward.undertow.codec.BodyCodecConformance;

class JacksonConformanceTest extends BodyCodecConformance {
    @Override
    protected BodyCodec codec(CodecLimits limits) {
        return new JacksonCodec(limits);
    }
}
