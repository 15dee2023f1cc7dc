package io.mediahooks.reliability.faults;

import io.mediahooks.reliability.ScenarioResult;
import io.mediahooks.reliability.cluster.Ledger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds a scenario's result: what was counted, and each condition of its verdict, held or not. */
final class Verdict {

    private final Map<String, String> counted = new LinkedHashMap<>();
    private final List<String> held = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    Verdict count(String what, long value) {
        counted.put(what, String.format(Locale.ROOT, "%,d", value));
        return this;
    }

    Verdict count(String what, String value) {
        counted.put(what, value);
        return this;
    }

    /** A condition of the verdict: {@code statement} when it holds, and named as failed when not. */
    Verdict require(boolean holds, String statement) {
        (holds ? held : failed).add(statement);
        return this;
    }

    boolean passed() {
        return failed.isEmpty();
    }

    ScenarioResult result(String name, String done, Duration took) {
        String verdict = passed() ? String.join("; ", held) : "not so: " + String.join("; ", failed);
        return new ScenarioResult(name, done, counted, passed(), verdict, took);
    }

    /**
     * The counts and conditions every fault scenario shares: 0 lost, every request signed, every
     * duplicate with its pair's {@code webhook-id}, and duplicates under {@code maxDuplicatePercent}
     * of the expected deliveries.
     *
     * @param complete whether the wait for the deliveries ended with none missing
     */
    static Verdict ofDeliveries(Ledger.Tally tally, boolean complete, double maxDuplicatePercent) {
        return new Verdict()
                .count("expected deliveries", tally.expected())
                .count("lost", tally.lost())
                .count("requests received", tally.requests())
                .count("duplicates", percent(tally.duplicates(), tally.expected()))
                .count("bad signatures", tally.badSignatures())
                .count("webhook-id not the pair's", tally.idMismatches() + tally.unreadable())
                .count("unexpected deliveries", tally.unexpected())
                .count("latency p50 / p99 / max", String.format(Locale.ROOT, "%,d / %,d / %,d ms", tally.latencyP50Millis(),
                        tally.latencyP99Millis(), tally.latencyMaxMillis()))
                .require(complete && tally.expected() > 0 && tally.lost() == 0, "0 lost")
                .require(tally.badSignatures() == 0, "every request correctly signed")
                .require(tally.idMismatches() + tally.unreadable() == 0, "every duplicate with the same webhook-id")
                .require(tally.duplicates() * 100.0 < tally.expected() * maxDuplicatePercent,
                        "duplicates under " + maxDuplicatePercent + "%");
    }

    static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%,d (%.3f%%)", part, whole == 0 ? 0.0 : 100.0 * part / whole);
    }
}
