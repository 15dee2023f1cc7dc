package io.mediahooks.cli.deadletters;

import io.mediahooks.model.DeadLetterFilter;
import io.mediahooks.cli.CliException;
import io.mediahooks.cli.Flags;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.retry.Durations;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The filter flags shared by {@code dead-letters list} and {@code dead-letters replay}. */
public final class DeadLetterOptions {

    @Option(names = "--webhook", paramLabel = "<id>", description = "Only this webhook's dead letters, e.g. wh_1.")
    String webhook;

    @Option(names = "--org", paramLabel = "<org>", description = "Only this organization's dead letters.")
    String organization;

    @Option(names = "--since", paramLabel = "<time>",
            description = "Dead-lettered at or after this time: RFC 3339 (2026-11-26T12:00:00Z) or a duration ago (30m, 2h, 1d).")
    String since;

    @Option(names = "--until", paramLabel = "<time>", description = "Dead-lettered before this time: RFC 3339 or a duration ago.")
    String until;

    /** The filter these flags describe, relative times resolved against {@code now}. */
    public DeadLetterFilter toFilter(Instant now) {
        Optional<Instant> from = optional("--since", since, text -> time(text, now));
        Optional<Instant> to = optional("--until", until, text -> time(text, now));
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw CliException.usage("--since must be before --until");
        }
        return new DeadLetterFilter(optional("--webhook", webhook, SubscriptionId::new),
                optional("--org", organization, OrganizationId::new), from, to);
    }

    /** RFC 3339, or a duration back from {@code now}. */
    static Instant time(String text, Instant now) {
        if (text.matches("\\d{4}-.*")) {
            return RfcTimestamp.parse(text).instant();
        }
        try {
            return now.minus(Durations.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is neither an RFC 3339 time (2026-11-26T12:00:00Z)"
                    + " nor a duration ago (30m, 2h, 1d)", e);
        }
    }

    private static <T> Optional<T> optional(String flag, String text, Function<String, T> parser) {
        return text == null ? Optional.empty() : Optional.of(Flags.parse(flag, text.trim(), parser));
    }
}
