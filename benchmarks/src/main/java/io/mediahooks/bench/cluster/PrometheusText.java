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

    /**
     * The cumulative bucket counts of histogram {@code name} (without {@code _bucket}), by upper
     * bound in seconds, summed over the series whose labels contain each of {@code labelFragments}.
     */
    public java.util.TreeMap<Double, Double> buckets(String name, String... labelFragments) {
        java.util.TreeMap<Double, Double> buckets = new java.util.TreeMap<>();
        String bucketName = name + "_bucket";
        for (String line : text.lines().toList()) {
            if (line.startsWith("#") || !line.startsWith(bucketName + "{") || !containsAll(line, labelFragments)) {
                continue;
            }
            int le = line.indexOf("le=\"");
            int labelsEnd = line.lastIndexOf('}');
            if (le < 0 || labelsEnd < 0) {
                continue;
            }
            String bound = line.substring(le + 4, line.indexOf('"', le + 4));
            double upper = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
            double count = Double.parseDouble(line.substring(labelsEnd + 1).trim().split(" ")[0]);
            buckets.merge(upper, count, Double::sum);
        }
        return buckets;
    }

    /**
     * The {@code quantile} (0 to 1) of what was recorded between two scrapes' {@code buckets}, in
     * milliseconds: the upper bound of the bucket it falls in (an upper estimate); -1 when nothing was.
     */
    public static long quantileMillis(java.util.TreeMap<Double, Double> before, java.util.TreeMap<Double, Double> after,
                                      double quantile) {
        double total = after.lastEntry() == null ? 0
                : after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0.0);
        if (total <= 0) {
            return -1;
        }
        for (java.util.Map.Entry<Double, Double> bucket : after.entrySet()) {
            double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (count >= quantile * total) {
                return bucket.getKey().isInfinite() ? -1 : Math.round(bucket.getKey() * 1000);
            }
        }
        return -1;
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
