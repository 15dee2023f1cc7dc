package io.mediahooks.kafka.test;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests a real Kafka: injects a {@link KafkaTestBroker} into test
 * methods, constructors and lifecycle methods ({@code @BeforeAll} included).
 *
 * <p>One cluster per test JVM, started on first use and shared by every test class; it stops
 * when the test run ends. Which cluster:
 * <ol>
 *   <li>{@code MEDIAHOOKS_TEST_KAFKA_BOOTSTRAP_SERVERS} set: that existing cluster; nothing is
 *       started or stopped.</li>
 *   <li>{@code MEDIAHOOKS_TEST_KAFKA=container} and Testcontainers on the test classpath and
 *       Docker available: a {@code apache/kafka} container.</li>
 *   <li>Otherwise, the default: an in-JVM KRaft broker of the pinned Kafka version, with its data
 *       under {@code target/embedded-kafka}, deleted at the end. Needs no Docker.</li>
 * </ol>
 *
 * <p>Logging: the broker logs thousands of lines at INFO through SLF4J. Tests using this
 * extension should have logback-classic on their test classpath and a {@code logback-test.xml}
 * with the root logger at WARN in {@code src/test/resources}: copy the one in this module's
 * {@code src/test/resources}.
 *
 * <p>Tests share the cluster: use {@link KafkaTestBroker#uniqueTopic} for topic names, group ids
 * and application ids, and never rely on auto-created topics (disabled).
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaTestBroker.class;
    }

    @Override
    public KafkaTestBroker resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return shared(extensionContext);
    }

    /**
     * The root store is shared by all test classes of the run and closes what it holds, once, when
     * the run ends; computing in it is atomic, so parallel test classes start one cluster.
     */
    private static KafkaTestBroker shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedBroker.class, key -> new SharedBroker(KafkaTestBroker.start()),
                        SharedBroker.class)
                .broker();
    }

    /** Keeps shutdown out of {@link KafkaTestBroker}'s public API, so no test can stop the shared cluster. */
    private record SharedBroker(KafkaTestBroker broker) implements AutoCloseable {

        @Override
        public void close() {
            broker.shutdown();
        }
    }
}
