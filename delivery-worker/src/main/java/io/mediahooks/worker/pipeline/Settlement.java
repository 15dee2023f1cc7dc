package io.mediahooks.worker.pipeline;

import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/** How a pending delivery ended, as reported back to the poll thread that owns the offsets. */
public sealed interface Settlement {

    TopicPartition partition();

    long offset();

    /** Done for good: delivered, or its retry / dead-letter / attempt records are acknowledged. Committable. */
    record Completed(TopicPartition partition, long offset) implements Settlement {
    }

    /** Given up unstarted because its partition is being revoked: the next owner takes it again. */
    record HandedBack(TopicPartition partition, long offset) implements Settlement {
    }

    /** Its records could not be published: the worker must stop without committing it. */
    record Failed(TopicPartition partition, long offset, Throwable cause) implements Settlement {
        public Failed {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
