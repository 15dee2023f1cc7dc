package io.mediahooks.bench.receiver;

/** Told of every request a {@link LoopbackReceiver} reads, with the label of the endpoint it came to. */
@FunctionalInterface
public interface RequestListener {

    /** Called on the receiver's thread: must be quick and never block. */
    void received(String label, ReceivedRequest request);
}
