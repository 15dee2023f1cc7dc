package io.mediahooks.bench.cluster;

/** A scrape of a {@code /metrics} endpoint, summed by metric name and label filter. */
public record PrometheusText(String text) {

    /**
     * The sum of every sample of {@code name} whose labels contain each of {@code labelFragments}
     * (e.g. {@code area="heap"}); 0 when there is none.
     */
    public double sum(String name, String... labelFragments) {
        double sum = 0;
        for (String line : text.lines().toList()) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            int labelsEnd = line.lastIndexOf('}');
            String series = labelsEnd < 0 ? line.substring(0, line.indexOf(' ')) : line.substring(0, labelsEnd + 1);
            String seriesName = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
            if (!seriesName.equals(name) || !containsAll(series, labelFragments)) {
                continue;
            }
            String[] rest = line.substring(series.length()).trim().split(" ");
            try {
                sum += Double.parseDouble(rest[0]);
            } catch (NumberFormatException e) {
                // NaN or a malformed sample: leave it out.
            }
        }
        return sum;
    }

    private static boolean containsAll(String series, String... fragments) {
        for (String fragment : fragments) {
            if (!series.contains(fragment)) {
                return false;
            }
        }
        return true;
    }
}
