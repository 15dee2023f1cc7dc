package io.mediahooks.kafka.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Broker settings for a node that is the whole cluster: broker and KRaft controller in one.
 *
 * <p>Keys are the broker's documented config names rather than constants from Kafka's
 * internal config classes, which move between jars from one release to the next.
 */
final class SingleNodeSettings {

    static final int NODE_ID = 1;
    static final String CLIENT_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** 8 MiB: the 128 MiB default makes LogManager die with an OOM in a small test heap, and the broker then halts the JVM. */
    private static final long CLEANER_DEDUPE_BUFFER_BYTES = 8L * 1024 * 1024;

    private SingleNodeSettings() {
    }

    static Properties of(Path dataDir, int clientPort, int controllerPort, Map<String, String> overrides) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        // A static voter list needs the controller's real port, so the controller cannot use port 0.
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", CLIENT_LISTENER);
        props.put("listeners", CLIENT_LISTENER + "://localhost:" + clientPort + ","
                + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", CLIENT_LISTENER + "://localhost:" + clientPort);
        props.put("listener.security.protocol.map",
                CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", dataDir.toAbsolutePath().toString());

        // Internal topics default to replication 3; one node can only hold one replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        // The default 50 partitions per internal topic make the first group join and the
        // first transaction take seconds.
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");

        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(CLEANER_DEDUPE_BUFFER_BYTES));
        // Every topic must be created on purpose, as in production.
        props.put("auto.create.topics.enable", "false");

        props.putAll(overrides);
        return props;
    }
}
