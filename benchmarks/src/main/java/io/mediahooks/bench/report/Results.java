package io.mediahooks.bench.report;

import io.mediahooks.bench.micro.MicroBenchmarks;
import io.mediahooks.bench.scenario.Burst;
import io.mediahooks.bench.scenario.Ceiling;
import io.mediahooks.bench.scenario.EndToEnd;
import io.mediahooks.bench.scenario.NaiveBaseline;
import io.mediahooks.bench.scenario.RouterAlone;
import io.mediahooks.bench.scenario.WorkerAlone;
import io.mediahooks.bench.profile.JfrSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    public Burst.Result burst;
    public final List<String> profiles = new ArrayList<>();
    /** The flight recorder's view of each measured window, by window name, then process name. */
    public final Map<String, Map<String, JfrSummary>> recordings = new LinkedHashMap<>();

    /** The recording of {@code process} in {@code window}, when there is one. */
    public Optional<JfrSummary> recording(String window, String process) {
        return Optional.ofNullable(recordings.getOrDefault(window, Map.of()).get(process));
    }

    public Optional<Ceiling.Run> bestCeiling() {
        return ceiling.stream().max(Comparator.comparingDouble(Ceiling.Run::perSecond));
    }
}
