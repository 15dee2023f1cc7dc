package io.mediahooks.bench.report;

import io.mediahooks.bench.micro.MicroBenchmarks;
import io.mediahooks.bench.scenario.Ceiling;
import io.mediahooks.bench.scenario.EndToEnd;
import io.mediahooks.bench.scenario.NaiveBaseline;
import io.mediahooks.bench.scenario.RouterAlone;
import io.mediahooks.bench.scenario.WorkerAlone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Everything one run measured; a scenario left out with {@code --only} stays empty. */
public final class Results {

    public List<MicroBenchmarks.Result> micro = List.of();
    public List<Ceiling.Run> ceiling = List.of();
    public NaiveBaseline.Result naive;
    public WorkerAlone.Result worker;
    public RouterAlone.Result router;
    public EndToEnd.Result endToEnd;
    public EndToEnd.Result isolation;
    public final List<String> profiles = new ArrayList<>();

    public Optional<Ceiling.Run> bestCeiling() {
        return ceiling.stream().max(Comparator.comparingDouble(Ceiling.Run::perSecond));
    }
}
