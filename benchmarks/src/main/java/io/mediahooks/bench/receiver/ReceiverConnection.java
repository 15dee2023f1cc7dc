package io.mediahooks.bench.receiver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** One client connection of a {@link LoopbackReceiver}: its read buffer and any response not yet written. Selector thread only. */
final class ReceiverConnection {

    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private final LoopbackReceiver receiver;
    private final EndpointSpec endpoint;
    private final SocketChannel channel;
    private ByteBuffer in = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private ByteBuffer pendingOut;
    private boolean continueSent;
    private boolean closeAfterWrite;

    ReceiverConnection(LoopbackReceiver receiver, EndpointSpec endpoint, SocketChannel channel) {
        this.receiver = receiver;
        this.endpoint = endpoint;
        this.channel = channel;
    }

    void read(SelectionKey key) throws IOException {
        int read;
        try {
            read = channel.read(in);
        } catch (IOException e) {
            close(key);
            return;
        }
        if (read < 0) {
            close(key);
            return;
        }
        in.flip();
        try {
            drain(key);
        } catch (MalformedRequestException | NumberFormatException e) {
            receiver.malformed();
            close(key);
            return;
        }
        in.compact();
        if (!in.hasRemaining()) {
            // One request larger than the buffer: grow rather than stall.
            ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
            in.flip();
            bigger.put(in);
            in = bigger;
        }
    }

    private void drain(SelectionKey key) throws IOException {
        while (in.hasRemaining() && key.isValid()) {
            RequestParser.Result result = receiver.parser().parse(in);
            if (result instanceof RequestParser.Parsed parsed) {
                continueSent = false;
                receiver.received(this, key, endpoint, parsed.request());
            } else {
                if (result instanceof RequestParser.AwaitingBody awaiting && awaiting.expectsContinue()
                        && !continueSent && !endpoint.hangs()) {
                    continueSent = true;
                    write(key, CONTINUE);
                }
                return;
            }
        }
    }

    void answer(SelectionKey key, boolean close) throws IOException {
        closeAfterWrite = close;
        write(key, OK);
    }

    private void write(SelectionKey key, byte[] bytes) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(bytes);
        if (pendingOut == null) {
            try {
                channel.write(out);
            } catch (IOException e) {
                close(key);
                return;
            }
            if (!out.hasRemaining()) {
                if (closeAfterWrite) {
                    close(key);
                }
                return;
            }
            pendingOut = out;
        } else {
            ByteBuffer joined = ByteBuffer.allocate(pendingOut.remaining() + out.remaining());
            joined.put(pendingOut).put(out).flip();
            pendingOut = joined;
        }
        key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
    }

    void flush(SelectionKey key) throws IOException {
        try {
            channel.write(pendingOut);
        } catch (IOException e) {
            close(key);
            return;
        }
        if (!pendingOut.hasRemaining()) {
            pendingOut = null;
            key.interestOps(SelectionKey.OP_READ);
            if (closeAfterWrite) {
                close(key);
            }
        }
    }

    private void close(SelectionKey key) throws IOException {
        key.cancel();
        channel.close();
    }
}
