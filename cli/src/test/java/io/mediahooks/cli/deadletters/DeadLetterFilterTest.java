package io.mediahooks.cli.deadletters;

import io.mediahooks.model.DeadLetterFilter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.cli.CliException;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.SubscriptionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DeadLetterFilterTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Instant RECORD_TIME = NOW.plusSeconds(3600);

    @Test
    void filtersOnWebhookOrganizationAndTheTimeOfTheLastAttempt() {
        Delivery deadLetter = DeadLetterFixtures.deadLetter("wh_1", "org_42", "evt_1", NOW);
        DeadLetterFilter wh1 = new DeadLetterFilter(Optional.of(new SubscriptionId("wh_1")), Optional.empty(), Optional.empty(),
                Optional.empty());
        DeadLetterFilter otherOrg = new DeadLetterFilter(Optional.empty(), Optional.of(new OrganizationId("org_7")),
                Optional.empty(), Optional.empty());

        assertThat(DeadLetterFilter.all().matches(deadLetter, RECORD_TIME)).isTrue();
        assertThat(wh1.matches(deadLetter, RECORD_TIME)).isTrue();
        assertThat(wh1.matches(DeadLetterFixtures.deadLetter("wh_2", "org_42", "evt_1", NOW), RECORD_TIME)).isFalse();
        assertThat(otherOrg.matches(deadLetter, RECORD_TIME)).isFalse();
        assertThat(DeadLetterFilter.deadLetteredAt(deadLetter, RECORD_TIME)).isEqualTo(NOW);
    }

    @Test
    void sinceIsInclusiveAndUntilExclusive() {
        Delivery deadLetter = DeadLetterFixtures.deadLetter("wh_1", "org_42", "evt_1", NOW);

        assertThat(between(NOW, NOW.plusSeconds(1)).matches(deadLetter, RECORD_TIME)).isTrue();
        assertThat(between(NOW.minusSeconds(1), NOW).matches(deadLetter, RECORD_TIME)).isFalse();
        assertThat(between(NOW.plusSeconds(1), NOW.plusSeconds(2)).matches(deadLetter, RECORD_TIME)).isFalse();
    }

    @Test
    void optionsAcceptRfc3339OrADurationAgo() {
        DeadLetterFilter filter = options("--since", "2h", "--until", "2026-11-27T11:30:00+01:00").toFilter(NOW);

        assertThat(filter.since()).contains(NOW.minus(Duration.ofHours(2)));
        assertThat(filter.until()).contains(Instant.parse("2026-11-27T10:30:00Z"));
    }

    @Test
    void optionsNameTheBadFlag() {
        assertThatThrownBy(() -> options("--since", "yesterday").toFilter(NOW))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("--since: 'yesterday' is neither an RFC 3339 time")
                .hasMessageContaining("RFC 3339");
        assertThatThrownBy(() -> options("--since", "1h", "--until", "2h").toFilter(NOW))
                .hasMessage("--since must be before --until");
    }

    private static DeadLetterFilter between(Instant since, Instant until) {
        return new DeadLetterFilter(Optional.empty(), Optional.empty(), Optional.of(since), Optional.of(until));
    }

    private static DeadLetterOptions options(String... args) {
        DeadLetterOptions options = new DeadLetterOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
