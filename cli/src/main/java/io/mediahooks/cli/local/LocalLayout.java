package io.mediahooks.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local run keeps its state, under one folder ({@code ./.mediahooks} by default) so a
 * restart resumes and {@code rm -rf .mediahooks} starts afresh.
 *
 * @param root the folder, e.g. {@code .mediahooks}
 */
public record LocalLayout(Path root) {

    public static LocalLayout under(Path root) {
        return new LocalLayout(root.toAbsolutePath().normalize());
    }

    /** The embedded broker's logs and metadata. */
    public Path kafka() {
        return root.resolve("kafka");
    }

    /** The router's Kafka Streams state. */
    public Path routerState() {
        return root.resolve("router-state");
    }

    /** The management API's views (RocksDB). */
    public Path apiState() {
        return root.resolve("api-state");
    }

    /** One log file per child process, plus {@code local.log} for this process (the broker included). */
    public Path logs() {
        return root.resolve("logs");
    }

    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    /** Creates the folders the services and the logs need; the broker creates its own when it is used. */
    public void create() {
        try {
            Files.createDirectories(routerState());
            Files.createDirectories(apiState());
            Files.createDirectories(logs());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + root, e);
        }
    }

    /** A port nobody listens on right now (the child binds it a moment later; a clash is unlikely and reported). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    /** True when {@code port} can be bound on localhost now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("localhost", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
