package io.mediahooks.bench.micro;

import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.json.DeliveryCodec;
import io.mediahooks.model.json.MediaEventCodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What decoding one record costs, checks included (strict UTF-8 first, then the JSON): a media event
 * of the benchmark's workload as the router reads it, and one of its routed deliveries as the worker
 * reads it. To compare two builds, put the other build's {@code common-model} jar first on the class
 * path of the same {@code benchmarks.jar}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordDecodingBenchmark {

    private byte[] event;
    private byte[] delivery;

    @Setup
    public void setUp() {
        RoutedSample sample = RoutedSample.withFanOut(1);
        event = MediaEventCodec.INSTANCE.encode(sample.event());
        delivery = DeliveryCodec.INSTANCE.encode(sample.deliveries().get(0));
    }

    @Benchmark
    public MediaEvent decodeMediaEvent() {
        return MediaEventCodec.INSTANCE.decode(event);
    }

    @Benchmark
    public Object decodeDelivery() {
        return DeliveryCodec.INSTANCE.decode(delivery);
    }
}
