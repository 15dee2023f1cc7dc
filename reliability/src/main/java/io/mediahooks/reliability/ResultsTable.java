package io.mediahooks.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The results table of a run, in Markdown: one row per scenario. */
final class ResultsTable {

    static final String BEGIN = "<!-- results: written by reliability/run.sh -->";
    static final String END = "<!-- end of results -->";

    private ResultsTable() {
    }

    static String render(List<ScenarioResult> results, SuiteContext context) {
        StringBuilder table = new StringBuilder();
        table.append("Run of ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(context.quick() ? " (--quick)" : "")
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores.\n\n");
        table.append("| scenario | what was done | what was counted | verdict | took |\n|---|---|---|---|---|\n");
        for (ScenarioResult result : results) {
            table.append("| ").append(result.name())
                    .append(" | ").append(cell(result.done()))
                    .append(" | ").append(cell(counted(result.counted())))
                    .append(" | ").append(result.passed() ? "**passed**: " : "**FAILED**: ").append(cell(result.verdict()))
                    .append(" | ").append(result.took().toSeconds()).append(" s |\n");
        }
        return table.toString();
    }

    static void write(List<ScenarioResult> results, SuiteContext context, Path file) throws IOException {
        Files.writeString(file, "# Reliability run\n\n" + render(results, context));
    }

    /** Puts {@code table} between the markers of {@code file}, keeping the rest of it. */
    static void replaceIn(Path file, String table) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "# Reliability\n\n" + BEGIN + "\n" + END + "\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            text = text + "\n" + BEGIN + "\n" + END + "\n";
            begin = text.indexOf(BEGIN);
            end = text.indexOf(END);
        }
        Files.writeString(file, text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end));
    }

    private static String counted(Map<String, String> counted) {
        return counted.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue()).collect(Collectors.joining("; "));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
