package io.mediahooks.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.Condition;
import io.mediahooks.model.EventSelection;
import io.mediahooks.model.EventType;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.Subscription;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.Environment;
import io.micrometer.core.instrument.Counter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Routing rate with 1,000 webhooks over 100 organizations, exactly-once on, on the in-JVM broker.
 * Not part of the build (neither {@code *Test} nor {@code *IT}); run it with
 * <pre>mvn -B -pl event-router test -Dtest=RouterThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * and override with {@code -Dbenchmark.events=50000 -Dbenchmark.threads=2 -Dbenchmark.commitInterval=1s}.
 *
 * <p>Each organization has 10 webhooks: 2 for {@code ALL}, 4 for {@code VIDEO_READY}, 2 for
 * {@code VIDEO_READY} with {@code has_tag sports}, 2 for {@code LIVESTREAM_UPDATED}. Events cycle
 * through four kinds that match 8, 6, 4 and 2 of them (5 deliveries per event on average). The
 * router loads the tables, stops; the backlog is published; the router starts again on the same
 * state, and the clock runs from its first routed event to its last (the router's own counters).
 * Then the deliveries are counted in {@code read_committed}: every one must be there.
 */
@WithKafka
class RouterThroughputBenchmark {

    private static final int ORGANIZATIONS = 100;
    private static final int EVENTS = Integer.getInteger("benchmark.events", 20_000);
    private static final int THREADS = Integer.getInteger("benchmark.threads", 1);
    private static final int PARTITIONS = Integer.getInteger("benchmark.partitions", 6);
    private static final String COMMIT_INTERVAL = System.getProperty("benchmark.commitInterval", "50ms");

    @Test
    void routingRate(KafkaTestBroker kafka) {
        RouterItSupport it = new RouterItSupport(kafka, "bench")
                .with(CommonConfig.TOPIC_PARTITIONS.key(), Integer.toString(PARTITIONS))
                .with(RouterConfig.THREADS.key(), Integer.toString(THREADS))
                .with(RouterConfig.COMMIT_INTERVAL.key(), COMMIT_INTERVAL);
        // Production caching, not the tests' "no cache".
        Map<String, String> env = it.env();
        env.remove("MEDIAHOOKS_KAFKA_STATESTORE_CACHE_MAX_BYTES");

        RouterConfig config = RouterConfig.from(new Environment(env));
        for (int org = 0; org < ORGANIZATIONS; org++) {
            it.put(Fixtures.secrets("org_" + org));
            webhooksOf("org_" + org).forEach(it::put);
        }
        // The backlog is published while the router is stopped, so that producing it costs the router nothing.
        int expectedDeliveries = publishBacklog(it);

        try (RouterApplication router = RouterApplication.start(config, Clock.systemUTC())) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10)).until(() -> eventsDone(router) > 0);
            long started = System.nanoTime();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(10)).until(() -> eventsDone(router) >= EVENTS);
            double seconds = (System.nanoTime() - started) / 1e9;
            report(seconds, expectedDeliveries);
        }
        assertThat(it.deliveries(expectedDeliveries, Duration.ofMinutes(2))).hasSize(expectedDeliveries);
    }

    /** Publishes the whole backlog and returns how many deliveries it must produce. */
    private static int publishBacklog(RouterItSupport it) {
        int deliveries = 0;
        for (int n = 0; n < EVENTS; n++) {
            String organization = "org_" + (n % ORGANIZATIONS);
            MediaEvent event = switch (n % 4) {
                case 0 -> Fixtures.event(organization, "evt_" + n, EventType.VIDEO_READY, "Sports");
                case 1 -> Fixtures.event(organization, "evt_" + n, EventType.VIDEO_READY, "news");
                case 2 -> Fixtures.event(organization, "evt_" + n, EventType.LIVESTREAM_UPDATED);
                default -> Fixtures.event(organization, "evt_" + n, EventType.PLAYLIST_CREATED);
            };
            deliveries += switch (n % 4) {
                case 0 -> 8;
                case 1 -> 6;
                case 2 -> 4;
                default -> 2;
            };
            it.kafka.producer().send(new ProducerRecord<>(it.topics.mediaEvents().name(),
                    organization.getBytes(StandardCharsets.UTF_8), Fixtures.json(event)));
        }
        it.kafka.producer().flush();
        return deliveries;
    }

    private static List<Subscription> webhooksOf(String organization) {
        List<Subscription> webhooks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = organization + "_wh_" + i;
            String url = "https://hooks.example.com/" + id;
            webhooks.add(switch (i) {
                case 0, 1 -> Fixtures.webhook(id, organization, url, EventSelection.allTypes());
                case 2, 3, 4, 5 -> Fixtures.webhook(id, organization, url, EventSelection.of(EventType.VIDEO_READY));
                case 6, 7 -> Fixtures.webhook(id, organization, url, EventSelection.of(EventType.VIDEO_READY),
                        new Condition.HasTag("sports"));
                default -> Fixtures.webhook(id, organization, url, EventSelection.of(EventType.LIVESTREAM_UPDATED));
            });
        }
        return webhooks;
    }

    private static double eventsDone(RouterApplication router) {
        var registry = router.metrics().registry();
        double skipped = registry.find("mediahooks.router.events.skipped").counters().stream().mapToDouble(Counter::count).sum();
        return registry.get("mediahooks.router.events.routed").counter().count() + skipped;
    }

    private static void report(double seconds, int deliveries) {
        String line = String.format(Locale.ROOT,
                "ROUTING RATE: %d events (%d deliveries) with %d webhooks over %d organizations, exactly_once_v2, "
                        + "commit every %s, %d thread(s), %d partitions: %.1f s, %.0f events/s, %.0f deliveries/s "
                        + "(load average %.1f on %d cores)",
                EVENTS, deliveries, ORGANIZATIONS * 10, ORGANIZATIONS, COMMIT_INTERVAL, THREADS, PARTITIONS, seconds, EVENTS / seconds,
                deliveries / seconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.println(line);
    }
}
