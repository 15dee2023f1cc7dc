package io.mediahooks.bench.receiver;

import io.mediahooks.bench.Endpoints;
import io.mediahooks.worker.WorkerConfig;
import java.io.IOException;

/**
 * The benchmark's loopback receiver on its own, for a native load generator (the native ceiling):
 * {@code java -cp benchmarks/target/benchmarks.jar io.mediahooks.bench.receiver.ReceiverMain}
 * prints the base URL of the first answering endpoint, serves until standard input closes, then
 * prints how many requests it took. See BENCHMARKS.md for the wrk command.
 */
public final class ReceiverMain {

    private ReceiverMain() {
    }

    public static void main(String[] args) throws IOException {
        try (LoopbackReceiver receiver = LoopbackReceiver.start(Endpoints.specs(),
                WorkerConfig.SIGNATURE_HEADER.defaultValue().orElseThrow())) {
            Recording recording = receiver.record(Recording.unsigned());
            System.out.println(receiver.baseUrl(0));
            System.out.flush();
            while (System.in.read() >= 0) {
                // Serve until standard input closes.
            }
            System.out.println("requests: " + recording.snapshot().labels().values().stream()
                    .mapToLong(Recording.Snapshot.Label::requests).sum());
        }
    }
}
