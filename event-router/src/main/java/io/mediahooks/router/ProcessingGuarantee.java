package io.mediahooks.router;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams processing guarantees the router supports, by their Streams config value. */
public enum ProcessingGuarantee {
    /** A crash or restart neither loses nor duplicates a delivery: the default, and what SPEC promises. */
    EXACTLY_ONCE_V2(StreamsConfig.EXACTLY_ONCE_V2),
    /** Faster, but a crash can route an event twice (same delivery id, so receivers de-duplicate). */
    AT_LEAST_ONCE(StreamsConfig.AT_LEAST_ONCE);

    private final String configValue;

    ProcessingGuarantee(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static ProcessingGuarantee parse(String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(guarantee -> guarantee.configValue.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("expected one of "
                        + Arrays.stream(values()).map(ProcessingGuarantee::configValue).collect(Collectors.joining(", "))
                        + ", got '" + text + "'"));
    }
}
