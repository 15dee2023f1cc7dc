package io.mediahooks.reliability.ssrf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What no webhook may reach: a listener on every address of this machine (the IPv6 wildcard, so
 * IPv4 too: 127.0.0.1, any of 127/8, ::1, 0.0.0.0, the machine's own address) that counts every
 * connection it accepts, and closes it.
 */
public final class ForbiddenListener implements AutoCloseable {

    private final ServerSocketChannel server;
    private final AtomicLong accepted = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    private ForbiddenListener(ServerSocketChannel server) {
        this.server = server;
        this.thread = new Thread(this::run, "forbidden-listener");
        this.thread.setDaemon(true);
    }

    public static ForbiddenListener start() {
        try {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(0), 256);
            ForbiddenListener listener = new ForbiddenListener(server);
            listener.thread.start();
            return listener;
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on the wildcard address", e);
        }
    }

    public int port() {
        try {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connections accepted so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Connects once, as a check that the counter counts; returns how many connections it counted (1). */
    public long probe(String host) {
        long before = accepted.get();
        try (Socket socket = new Socket(host, port())) {
            // The listener counts before it closes: once the read sees the close, the count is in.
            socket.getInputStream().read();
        } catch (IOException e) {
            throw new UncheckedIOException("the forbidden listener cannot be reached from here at " + host, e);
        }
        return accepted.get() - before;
    }

    private void run() {
        while (!closed) {
            try (SocketChannel channel = server.accept()) {
                accepted.incrementAndGet();
            } catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException("the forbidden listener stopped", e);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
