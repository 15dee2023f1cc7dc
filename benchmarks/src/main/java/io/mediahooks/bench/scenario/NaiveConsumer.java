package io.mediahooks.bench.scenario;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.model.signing.WebhookSigner;
import io.mediahooks.model.WebhookSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The naive baseline: what most teams write first. One thread polls the deliveries topic, and for
 * each record signs the body (both signatures, as the worker does) and POSTs it with a blocking
 * HTTP client, waiting for each response before the next; offsets are auto-committed. Its one
 * concession: the connection pool holds a connection per endpoint (the default 25 in all would
 * reconnect on nearly every request to 100 endpoints, measuring TCP set-up rather than the loop).
 */
final class NaiveConsumer {

    private static final int POOLED_CONNECTIONS = 200;

    private final String bootstrapServers;
    private final String topic;
    private final String hexSignatureHeader;
    private final Map<String, List<WebhookSecret>> secretsByOrganization;

    NaiveConsumer(String bootstrapServers, String topic, String hexSignatureHeader,
                  Map<String, List<WebhookSecret>> secretsByOrganization) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.hexSignatureHeader = hexSignatureHeader;
        this.secretsByOrganization = Map.copyOf(secretsByOrganization);
    }

    /**
     * Delivers until {@code count} deliveries were sent or {@code limit} has passed, telling
     * {@code onSent} the count after each one (on this thread); returns how many were sent.
     */
    long run(long count, Duration limit, LongConsumer onSent) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "naive-" + topic);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Instant deadline = Instant.now().plus(limit);
        long sent = 0;
        try (KafkaConsumer<SubscriptionId, Delivery> consumer = new KafkaConsumer<>(config,
                Topics.SUBSCRIPTION_ID.deserializer(), Topics.DELIVERY.deserializer());
             CloseableHttpClient http = HttpClients.custom()
                     .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                             .setMaxConnTotal(POOLED_CONNECTIONS).setMaxConnPerRoute(POOLED_CONNECTIONS).build())
                     .build()) {
            consumer.subscribe(List.of(topic));
            while (sent < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<SubscriptionId, Delivery> record : consumer.poll(Duration.ofMillis(200))) {
                    post(http, record.value());
                    sent++;
                    onSent.accept(sent);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the naive consumer failed", e);
        }
        return sent;
    }

    private void post(CloseableHttpClient http, Delivery delivery) throws IOException {
        List<WebhookSecret> secrets = secretsByOrganization.get(delivery.organizationId().value());
        byte[] body = delivery.bodyBytes();
        long timestamp = Instant.now().getEpochSecond();
        String id = delivery.deliveryId().value();
        HttpPost post = new HttpPost(delivery.url());
        post.setHeader("webhook-id", id);
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature", WebhookSigner.standardSignature(id, timestamp, body, secrets));
        post.setHeader(hexSignatureHeader, WebhookSigner.hexSignature(secrets.get(0).value(), body));
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        http.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }
}
