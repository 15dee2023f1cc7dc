package io.mediahooks.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.SubscriptionId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class OperationalEventCodecTest {

    static final String DISABLED = """
            {"subscription_id":"wh_1","organization_id":"org_42","type":"disabled","at":"2026-12-04T12:00:00Z",\
            "url":"https://hooks.example.com/flow","reason":"every attempt failed since 2026-11-29T12:00:00Z (last: HTTP 503)",\
            "failing_since":"2026-11-29T12:00:00Z","subscription_offset":1234}""";

    @Test
    void readsAndWritesTheDocumentedDisableRecord() {
        OperationalEvent event = OperationalEventCodec.INSTANCE.decode(DISABLED.getBytes(StandardCharsets.UTF_8));

        assertThat(event.type()).isEqualTo(OperationalEvent.Type.DISABLED);
        assertThat(event.failingSince()).contains(Instant.parse("2026-11-29T12:00:00Z"));
        assertThat(event.disables(1234)).isTrue();
        assertThat(event.disables(1235)).as("a later revision of the webhook (any update) is not disabled").isFalse();
        assertThat(new String(OperationalEventCodec.INSTANCE.encode(event), StandardCharsets.UTF_8)).isEqualTo(DISABLED);
    }

    @Test
    void anOpenedRecordNeedsNoRevisionAndNeverDisables() {
        OperationalEvent opened = new OperationalEvent(new SubscriptionId("wh_1"), new OrganizationId("org_42"),
                OperationalEvent.Type.ENDPOINT_OPENED, Instant.parse("2026-11-29T12:00:05Z"), "https://hooks.example.com/flow",
                "5 failures in a row (last: timed out)", Optional.of(Instant.parse("2026-11-29T12:00:00Z")), OptionalLong.empty());

        OperationalEvent read = OperationalEventCodec.INSTANCE.decode(OperationalEventCodec.INSTANCE.encode(opened));

        assertThat(read).isEqualTo(opened);
        assertThat(read.disables(0)).isFalse();
    }

    @Test
    void aDisableWithoutTheRevisionItJudgedIsInvalid() {
        String withoutOffset = DISABLED.replace(",\"subscription_offset\":1234", "");

        assertThatThrownBy(() -> OperationalEventCodec.INSTANCE.decode(withoutOffset.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("subscription_offset");
    }

    @Test
    void anUnknownTypeIsInvalid() {
        assertThatThrownBy(() -> OperationalEventCodec.INSTANCE.decode(DISABLED.replace("\"disabled\"", "\"melted\"")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidRecordException.class).hasMessageContaining("type");
    }
}
