package io.mediahooks.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;

/** Finds a TCP port on localhost that nothing listens on right now. */
final class FreePort {

    private FreePort() {
    }

    /**
     * Another process could take the port before the broker binds it; that race is rare enough
     * on a developer machine that a clear bind error is better than retry logic.
     */
    static int pick() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on localhost", e);
        }
    }

    static int pickOtherThan(int... taken) {
        while (true) {
            int port = pick();
            if (Arrays.stream(taken).noneMatch(used -> used == port)) {
                return port;
            }
        }
    }
}
