package io.mediahooks.worker.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The queue from the threads that finish deliveries (HTTP, producer, outcomes) to the poll thread. Thread-safe. */
public final class Settlements {

    private final LinkedBlockingQueue<Settlement> queue = new LinkedBlockingQueue<>();

    public void completed(PendingDelivery delivery) {
        queue.add(new Settlement.Completed(delivery.partition(), delivery.offset()));
    }

    public void handedBack(PendingDelivery delivery) {
        queue.add(new Settlement.HandedBack(delivery.partition(), delivery.offset()));
    }

    public void failed(PendingDelivery delivery, Throwable cause) {
        queue.add(new Settlement.Failed(delivery.partition(), delivery.offset(), cause));
    }

    /** Everything settled so far, waiting up to {@code wait} for the first one if there is none yet. */
    public List<Settlement> take(Duration wait) throws InterruptedException {
        List<Settlement> settled = new ArrayList<>();
        if (!wait.isZero() && queue.isEmpty()) {
            Settlement first = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
            if (first == null) {
                return settled;
            }
            settled.add(first);
        }
        queue.drainTo(settled);
        return settled;
    }
}
