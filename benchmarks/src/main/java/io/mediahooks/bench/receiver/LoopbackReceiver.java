package io.mediahooks.bench.receiver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The customers' side of every benchmark: a lean HTTP/1.1 server on one thread and one
 * selector, listening on one loopback port per {@link EndpointSpec}. An answering endpoint
 * replies {@code 200} with an empty body as soon as a request is in; a hanging one reads the
 * request and never replies. Every request goes to the current {@link Recording}.
 *
 * <p>One thread is enough on purpose: at tens of thousands of requests a second it spends a few
 * microseconds per request (two system calls and a header scan), so it is not what limits a run,
 * and it keeps the recording free of locking between receiver threads.
 */
public final class LoopbackReceiver implements AutoCloseable {

    private final Selector selector;
    private final List<Bound> endpoints;
    private final RequestParser parser;
    private final Thread thread;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private volatile Recording recording = Recording.unsigned();
    private volatile RequestListener listener = (label, request) -> { };
    private volatile boolean closed;
    private final PriorityQueue<DelayedReply> delayed = new PriorityQueue<>(Comparator.comparingLong(DelayedReply::dueNanos));

    private LoopbackReceiver(Selector selector, List<Bound> endpoints, String hexSignatureHeader) {
        this.selector = selector;
        this.endpoints = endpoints;
        this.parser = new RequestParser(hexSignatureHeader);
        this.thread = new Thread(this::run, "loopback-receiver");
        this.thread.setDaemon(true);
    }

    /**
     * Binds one free loopback port per spec and starts serving.
     *
     * @param hexSignatureHeader the name of the hex signature header (the worker's setting)
     */
    public static LoopbackReceiver start(List<EndpointSpec> specs, String hexSignatureHeader) {
        return start(specs, hexSignatureHeader, specs.stream().map(spec -> 0).toList());
    }

    /**
     * Binds each spec to the loopback port at the same index of {@code ports} (0: any free port)
     * and starts serving: an endpoint that comes back on the port it had before an outage.
     */
    public static LoopbackReceiver start(List<EndpointSpec> specs, String hexSignatureHeader, List<Integer> ports) {
        if (ports.size() != specs.size()) {
            throw new IllegalArgumentException(specs.size() + " endpoints but " + ports.size() + " ports");
        }
        try {
            Selector selector = Selector.open();
            List<Bound> bound = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                EndpointSpec spec = specs.get(i);
                ServerSocketChannel server = ServerSocketChannel.open();
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.get(i)), 1024);
                server.configureBlocking(false);
                Bound endpoint = new Bound(spec, server, ((InetSocketAddress) server.getLocalAddress()).getPort());
                server.register(selector, SelectionKey.OP_ACCEPT, endpoint);
                bound.add(endpoint);
            }
            LoopbackReceiver receiver = new LoopbackReceiver(selector, List.copyOf(bound), hexSignatureHeader);
            receiver.thread.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the loopback receiver", e);
        }
    }

    /** The base URL of endpoint {@code index} (in the order of the specs), without a trailing slash. */
    public String baseUrl(int index) {
        return "http://127.0.0.1:" + endpoints.get(index).port;
    }

    public int endpointCount() {
        return endpoints.size();
    }

    /**
     * Also hands every request from now on to {@code next}, on the receiver's thread, after the
     * recording: for a harness that checks each delivery itself. It must be quick and never block.
     */
    public void listen(RequestListener next) {
        listener = next;
    }

    /** Sends every request from now on to {@code next}, and returns it. */
    public Recording record(Recording next) {
        recording = next;
        return next;
    }

    public long connectionsAccepted() {
        return connections.get();
    }

    public long malformedRequests() {
        return malformed.get();
    }

    private void run() {
        try {
            while (!closed) {
                long timeout = delayed.isEmpty() ? 0
                        : Math.max(1, (delayed.peek().dueNanos() - System.nanoTime() + 999_999) / 1_000_000);
                selector.select(timeout);
                answerDelayed();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept((Bound) key.attachment());
                    } else {
                        ReceiverConnection connection = (ReceiverConnection) key.attachment();
                        if (key.isWritable()) {
                            connection.flush(key);
                        }
                        if (key.isValid() && key.isReadable()) {
                            connection.read(key);
                        }
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                throw new UncheckedIOException("the loopback receiver stopped", e);
            }
        }
    }

    /** Answers the delayed requests whose time has come (on the selector thread, the only one writing). */
    private void answerDelayed() throws IOException {
        long now = System.nanoTime();
        while (!delayed.isEmpty() && delayed.peek().dueNanos() <= now) {
            DelayedReply reply = delayed.poll();
            if (reply.key().isValid()) {
                reply.connection().answer(reply.key(), reply.close());
            }
        }
    }

    private record DelayedReply(long dueNanos, ReceiverConnection connection, SelectionKey key, boolean close) {
    }

    private void accept(Bound endpoint) throws IOException {
        SocketChannel channel;
        while ((channel = endpoint.server.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ, new ReceiverConnection(this, endpoint.spec, channel));
            connections.incrementAndGet();
        }
    }

    /** Stops serving and closes every connection. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        selector.wakeup();
        try {
            thread.join(5_000);
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the loopback receiver", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The parser of this receiver's requests (the hex signature header's name). */
    RequestParser parser() {
        return parser;
    }

    /** A request that broke HTTP: counted, and its connection closed by the caller. */
    void malformed() {
        malformed.incrementAndGet();
    }

    /** A whole request from {@code connection}: recorded, then answered now, later or never as its endpoint says. */
    void received(ReceiverConnection connection, SelectionKey key, EndpointSpec endpoint, ReceivedRequest request)
            throws IOException {
        recording.record(endpoint.label(), request, !endpoint.hangs(), System.nanoTime(), System.currentTimeMillis());
        listener.received(endpoint.label(), request);
        if (endpoint.hangs()) {
            // Never answer: the client's timeout ends the exchange and closes the connection.
            return;
        }
        if (endpoint.delayMillis() > 0) {
            delayed.add(new DelayedReply(System.nanoTime() + endpoint.delayMillis() * 1_000_000, connection, key, request.close()));
            return;
        }
        connection.answer(key, request.close());
    }

    private record Bound(EndpointSpec spec, ServerSocketChannel server, int port) {
    }
}
