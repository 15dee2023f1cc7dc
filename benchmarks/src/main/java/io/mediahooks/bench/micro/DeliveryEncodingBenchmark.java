package io.mediahooks.bench.micro;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.json.DeliveryCodec;
import io.mediahooks.model.json.Json;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the router spends writing an event's deliveries (three, sharing one body, as in the
 * benchmark's workload): today's {@link DeliveryCodec} (the parts an event's deliveries share
 * written once per event, each delivery's id, webhook and URL spliced in) next to the first
 * version, a JSON tree per delivery, kept here as the baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DeliveryEncodingBenchmark {

    private List<Delivery> deliveries;

    @Setup
    public void setUp() {
        deliveries = RoutedSample.withFanOut(3).deliveries().subList(0, 3);
    }

    @Benchmark
    public void encodeThreeDeliveries(Blackhole out) {
        for (Delivery delivery : deliveries) {
            out.consume(DeliveryCodec.INSTANCE.encode(delivery));
        }
    }

    @Benchmark
    public void encodeThreeDeliveriesBefore(Blackhole out) {
        for (Delivery delivery : deliveries) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("delivery_id", delivery.deliveryId().value());
            node.put("subscription_id", delivery.subscriptionId().value());
            node.put("organization_id", delivery.organizationId().value());
            node.put("event_id", delivery.eventId().value());
            node.put("event_type", delivery.eventType().name());
            node.put("created_at", delivery.createdAt().text());
            node.put("url", delivery.url());
            node.put("body", delivery.body());
            node.put("routed_at", RfcTimestamp.of(delivery.routedAt()).text());
            node.put("attempts", delivery.attempts());
            out.consume(Json.write(node));
        }
    }
}
