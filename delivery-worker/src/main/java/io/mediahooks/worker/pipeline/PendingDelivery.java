package io.mediahooks.worker.pipeline;

import io.mediahooks.model.Delivery;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * A delivery taken from a partition and not yet complete: the record's position, its value, and
 * when the poll thread took it ({@link System#nanoTime()}, for the stage timings).
 */
public record PendingDelivery(TopicPartition partition, long offset, Delivery delivery, long polledNanos) {

    public PendingDelivery(TopicPartition partition, long offset, Delivery delivery) {
        this(partition, offset, delivery, System.nanoTime());
    }


    public PendingDelivery {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(delivery, "delivery");
    }

    @Override
    public String toString() {
        return delivery.deliveryId() + "@" + partition + "/" + offset;
    }
}
