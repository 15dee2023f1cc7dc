package io.mediahooks.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.api.http.ApiProblem;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.json.Json;
import io.mediahooks.model.safety.UrlPolicy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookInputTest {

    private static final UrlPolicy STRICT = new UrlPolicy(false, false);

    private static ObjectNode json(String text) {
        return Json.parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Subscription parse(String text) {
        return WebhookInput.toSubscription(json(text), new SubscriptionId("wh_1"), new OrganizationId("org_1"),
                Subscription.Lifecycle.NONE, STRICT);
    }

    @Test
    void aValidInputBecomesTheOrganizationsWebhook() {
        Subscription webhook = parse("{\"url\":\"https://hooks.example.com\",\"events\":[\"ALL\"],"
                + "\"conditions\":[{\"type\":\"has_tag\",\"name\":\"sports\"}]}");
        assertThat(webhook.organizationId().value()).isEqualTo("org_1");
        assertThat(webhook.enabled()).isTrue();
        assertThat(webhook.conditions()).hasSize(1);
    }

    @Test
    void unknownFieldsAndServerFieldsAreRefusedByName() {
        assertThatThrownBy(() -> parse("{\"url\":\"https://a.example\",\"events\":[\"ALL\"],\"id\":\"wh_mine\"}"))
                .isInstanceOfSatisfying(ApiProblem.class, e -> assertThat(e.field()).contains("id"));
        assertThatThrownBy(() -> parse("{\"url\":\"https://a.example\",\"events\":[\"ALL\"],"
                + "\"conditions\":[{\"type\":\"has_tag\",\"name\":\"x\",\"colour\":1}]}"))
                .isInstanceOfSatisfying(ApiProblem.class, e -> assertThat(e.field()).contains("conditions[0].colour"));
    }

    @Test
    void theCodecNamesTheFieldAtFault() {
        assertThatThrownBy(() -> parse("{\"url\":\"https://a.example\",\"events\":[\"VIDEO_EXPLODED\"]}"))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("events[0]"));
        assertThatThrownBy(() -> parse("{\"events\":[\"ALL\"]}"))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("url"));
    }

    @Test
    void theSharedUrlPolicyDecidesWhichUrlsMayBeCalled() {
        assertThatThrownBy(() -> parse("{\"url\":\"https://10.0.0.8/h\",\"events\":[\"ALL\"]}"))
                .isInstanceOfSatisfying(ApiProblem.class, e -> {
                    assertThat(e.field()).contains("url");
                    assertThat(e.getMessage()).contains("10.0.0.8");
                });
        Subscription local = WebhookInput.toSubscription(json("{\"url\":\"http://127.0.0.1:9/h\",\"events\":[\"ALL\"]}"),
                new SubscriptionId("wh_1"), new OrganizationId("org_1"), Subscription.Lifecycle.NONE, new UrlPolicy(true, true));
        assertThat(local.url().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void mergePatchReplacesRemovesAndKeeps() {
        JsonNode merged = WebhookInput.mergePatch(json("{\"url\":\"https://a\",\"enabled\":true,\"description\":\"d\"}"),
                json("{\"enabled\":false,\"description\":null}"));
        assertThat(merged).isEqualTo(json("{\"url\":\"https://a\",\"enabled\":false}"));
    }
}
