package io.mediahooks.worker.pipeline;

import io.mediahooks.model.Delivery;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/** A delivery taken from a partition and not yet complete: the record's position and its value. */
public record PendingDelivery(TopicPartition partition, long offset, Delivery delivery) {

    public PendingDelivery {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(delivery, "delivery");
    }

    @Override
    public String toString() {
        return delivery.deliveryId() + "@" + partition + "/" + offset;
    }
}
