package io.mediahooks.bench.micro;

import io.mediahooks.bench.report.Progress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs the JMH benchmarks of signing and matching in a forked JVM each, and returns their averages. */
public final class MicroBenchmarks {

    /** One benchmark's average time per operation, with JMH's 99.9% error margin. */
    public record Result(String name, double nanosPerOp, double error) {

        public double opsPerSecond() {
            return 1e9 / nanosPerOp;
        }
    }

    private MicroBenchmarks() {
    }

    public static List<Result> run(boolean quick) {
        Options options = new OptionsBuilder()
                .include(SigningBenchmark.class.getName())
                .include(MatchingBenchmark.class.getName())
                .include(TimestampBenchmark.class.getName())
                .include(DeliveryEncodingBenchmark.class.getName())
                .include(RecordDecodingBenchmark.class.getName())
                .include(OffsetTrackerBenchmark.class.getName())
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.milliseconds(quick ? 500 : 1_000))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.milliseconds(quick ? 500 : 1_000))
                .timeUnit(TimeUnit.NANOSECONDS)
                .jvmArgsAppend("-Xmx512m")
                .verbosity(VerboseMode.SILENT)
                .build();
        Progress.say("micro: JMH, signing, matching, timestamps, delivery encoding, record decoding and offset tracking (%s)", quick ? "quick: 1 x 0.5 s warm-up, 2 x 0.5 s" : "3 x 1 s warm-up, 5 x 1 s");
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
        }
        List<Result> summary = new ArrayList<>();
        for (RunResult result : results) {
            String label = result.getParams().getBenchmark();
            String name = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1)
                    + result.getParams().getParamsKeys().stream().map(key -> " " + key + "=" + result.getParams().getParam(key))
                            .collect(java.util.stream.Collectors.joining());
            var primary = result.getPrimaryResult();
            summary.add(new Result(name, primary.getScore(), primary.getScoreError()));
            Progress.say("micro: %-50s %,10.1f ns/op", name, primary.getScore());
        }
        return summary;
    }
}
