package dev.ward.undertow.internal;

import io.undertow.io.Receiver;
import io.undertow.io.Sender;
import io.undertow.server.BlockingHttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * For {@code @ReplayBody} routes that take the raw exchange: {@code getInputStream()} returns the whole buffered
 * body, every time it is called; everything else is Undertow's default blocking exchange.
 */
final class ReplayingBlockingExchange implements BlockingHttpExchange {
    private final byte[] body;
    private BlockingHttpExchange delegate;

    ReplayingBlockingExchange(byte[] body) {
        this.body = body;
    }

    void delegate(BlockingHttpExchange delegate) {
        this.delegate = delegate;
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(body);
    }

    @Override
    public OutputStream getOutputStream() {
        return delegate.getOutputStream();
    }

    @Override
    public Sender getSender() {
        return delegate.getSender();
    }

    @Override
    public Receiver getReceiver() {
        return delegate.getReceiver();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
