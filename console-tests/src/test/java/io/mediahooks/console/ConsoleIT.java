package io.mediahooks.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console as a person uses it, in a real browser, on the whole stack: sign in, see that
 * nothing is delivered without a secret, generate one, create a webhook for sports videos, get the
 * API's error next to a bad URL, watch matching events (and only those) arrive at a {@code listen}
 * receiver and in the delivery log, send a test event, disable the webhook, rotate the secret,
 * then edit and delete the webhook.
 * Every page is checked with axe-core and photographed at 1280x800 and 390x844.
 */
@WithKafka
class ConsoleIT {

    private static final String ORG = "org_console";
    private static final Pattern WEBHOOK_PAGE = Pattern.compile("#/webhooks/(wh_[^/]+)$");

    private ConsoleStack stack;
    private Browser browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aPersonSetsUpAWebhookWithoutCodeAndWatchesItDeliver(KafkaTestBroker kafka) throws Exception {
        stack = ConsoleStack.start(kafka);
        String key = stack.createApiKey(ORG);
        browser = Browser.start();

        // 1. Sign in: a wrong key is refused next to the field, the right one is kept in sessionStorage only.
        browser.open(stack.consoleUrl());
        browser.find(By.id("api-key")).sendKeys("mh_not_a_key");
        Number firstPaint = (Number) browser.script(
                "return performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1;");
        assertThat(firstPaint.doubleValue()).as("first paint in ms").isBetween(0.0, 1000.0);
        browser.button("Sign in").click();
        assertThat(browser.find(By.id("api-key-error")).getText()).contains("This API key is not valid.");
        check("sign-in");
        WebElement field = browser.find(By.id("api-key"));
        field.clear();
        // By keyboard: Enter in the field submits the form.
        field.sendKeys(key, Keys.ENTER);

        // 2. The Webhooks page warns that nothing is delivered without a secret key.
        assertThat(browser.find(By.id("no-secret-warning")).getText())
                .contains("No events will be delivered for this organization until a secret key is set");
        browser.awaitHeading("Webhooks");
        assertThat(browser.script("return sessionStorage.getItem('mediahooks.apiKey')")).isEqualTo(key);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(key);
        check("webhooks-without-secret");

        // 3. Generate the secret key: shown once, with Copy; the developer starts `listen` with it.
        browser.button("Generate secret key").click();
        String secret = browser.find(By.id("new-secret")).getAttribute("value");
        assertThat(secret).startsWith("whsec_");
        browser.button("Copy").click();
        browser.waitFor(d -> !d.findElement(By.cssSelector(".copy-status")).getText().isEmpty());
        assertThat(browser.driver().findElements(By.id("no-secret-warning"))).isEmpty();
        check("webhooks-secret-generated");
        ConsoleStack.Listener receiver = stack.listen("--secret", secret);

        // 4 and 5. New webhook: VIDEO_READY, has tag "sports"; a URL with credentials gets the API's error next to it.
        browser.find(By.linkText("New webhook")).click();
        browser.awaitHeading("New webhook");
        browser.find(By.id("events-some")).click();
        browser.find(By.id("event-VIDEO_READY")).click();
        browser.button("Add condition").sendKeys(Keys.ENTER);
        // The new row's field has the focus, as a keyboard user expects.
        browser.driver().switchTo().activeElement().sendKeys("sports");
        assertThat(browser.find(By.id("condition-0")).getAttribute("value")).isEqualTo("sports");
        assertThat(browser.find(By.cssSelector("label[for='condition-0']")).getText()).isEqualTo("Has tag with name");
        browser.find(By.id("url")).sendKeys("https://user:password@hooks.example.com/sports");
        browser.find(By.id("description")).sendKeys("Sports videos");
        assertThat(browser.find(By.id("enabled")).isSelected()).isTrue();
        browser.button("Save").click();
        WebElement urlError = browser.find(By.id("url-error"));
        assertThat(urlError.getText()).isNotBlank();
        assertThat(browser.find(By.id("url")).getAttribute("aria-invalid")).isEqualTo("true");
        check("new-webhook-url-error");
        WebElement url = browser.find(By.id("url"));
        url.clear();
        url.sendKeys(receiver.url() + "/sports");
        browser.button("Save").click();
        String webhook = browser.waitFor(d -> {
            Matcher matcher = WEBHOOK_PAGE.matcher(d.getCurrentUrl());
            return matcher.find() ? matcher.group(1) : null;
        });
        browser.awaitHeading("Sports videos");

        // 6. Events with and without the tag: only the tagged one is delivered, and it shows in the delivery log.
        stack.awaitRouterSees(ORG, webhook, true);
        stack.cli("event", "publish", "--type", "VIDEO_READY", "--org", ORG, "--id", "evt_news", "--tags", "news");
        stack.cli("event", "publish", "--type", "VIDEO_READY", "--org", ORG, "--id", "evt_sports", "--tags", "highlights,Sports");
        browser.find(By.cssSelector("#delivery-log tr[data-event-id='evt_sports'] .outcome-delivered"));
        assertThat(receiver.output()).contains("verified 200 VIDEO_READY evt_sports").doesNotContain("evt_news");
        assertThat(browser.driver().findElements(By.cssSelector("#delivery-log tr[data-event-id='evt_news']"))).isEmpty();
        browser.find(By.cssSelector("#delivery-log tr[data-event-id='evt_sports'] button")).click();
        WebElement delivery = browser.find(By.cssSelector("#delivery-detail .delivery"));
        assertThat(delivery.getText()).contains("delivered").contains("Status 200").contains("\"event_id\": \"evt_sports\"")
                // What was sent, headers as they went out, and what came back (the listen receiver answers 200 with no body).
                .contains("webhook-timestamp: ").contains("webhook-signature: v1,").contains("Empty response body.");

        // The delivery log filters by outcome: nothing of this webhook was dead-lettered.
        new Select(browser.find(By.id("log-outcome"))).selectByValue("dead_lettered");
        browser.waitFor(d -> d.findElement(By.id("delivery-log")).getText().contains("No deliveries yet."));
        new Select(browser.find(By.id("log-outcome"))).selectByValue("");
        browser.find(By.cssSelector("#delivery-log tr[data-event-id='evt_sports']"));

        // 7. A test event arrives, and the page says so.
        new Select(browser.find(By.id("test-event-type"))).selectByValue("VIDEO_READY");
        browser.button("Send test event").click();
        String outcome = browser.waitFor(d -> {
            String text = d.findElement(By.id("test-event-outcome")).getText();
            return text.contains("arrived") ? text : null;
        });
        String testEvent = outcome.split(" ")[2];
        assertThat(receiver.output()).contains("verified 200 VIDEO_READY " + testEvent);
        browser.find(By.cssSelector("#delivery-log tr[data-event-id='" + testEvent + "']"));
        browser.waitFor(d -> !d.findElements(By.cssSelector(".chart .bar-ok[height]")).stream()
                .allMatch(bar -> bar.getAttribute("height").equals("0")));
        check("webhook-detail");
        browser.screenshotAt("readme-console", new Dimension(1280, 1200));

        // 8. Disabled: a matching event is no longer delivered.
        browser.find(By.id("toggle-enabled")).click();
        browser.waitFor(d -> d.findElement(By.id("webhook-status")).getText().startsWith("Disabled"));
        assertThat(browser.find(By.id("toggle-enabled")).getText()).isEqualTo("Enable");
        stack.awaitRouterSees(ORG, webhook, false);
        stack.cli("event", "publish", "--type", "VIDEO_READY", "--org", ORG, "--id", "evt_after_disable", "--tags", "sports");
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
                .until(() -> !receiver.output().contains("evt_after_disable"));
        assertThat(browser.driver().findElements(By.cssSelector("#delivery-log tr[data-event-id='evt_after_disable']"))).isEmpty();

        // 9. Rotate the secret: a new value shown once, the old key listed with its expiry.
        browser.find(By.linkText("Webhooks")).click();
        browser.awaitHeading("Webhooks");
        assertThat(browser.find(By.cssSelector("#webhooks-table tr[data-webhook='" + webhook + "']")).getText())
                .contains("Disabled").contains("Has tag with name");
        new Select(browser.find(By.id("overlap"))).selectByValue("24h");
        browser.button("Rotate").click();
        String rotated = browser.waitFor(d -> {
            List<WebElement> fields = d.findElements(By.id("new-secret"));
            return fields.isEmpty() ? null : fields.get(0).getAttribute("value");
        });
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        List<WebElement> secrets = browser.driver().findElements(By.cssSelector("#secret-table tbody tr"));
        assertThat(secrets).hasSize(2);
        assertThat(secrets.get(1).getText()).doesNotContain("Never");
        assertThat(browser.find(By.tagName("body")).getText()).doesNotContain(secret);
        check("webhooks-secret-rotated");

        // Edit (the form comes back filled in, the change is saved), then delete with a confirmation.
        browser.find(By.cssSelector("#webhooks-table tr[data-webhook='" + webhook + "'] a[href$='/edit']")).click();
        browser.awaitHeading("Edit webhook");
        assertThat(browser.find(By.id("event-VIDEO_READY")).isSelected()).isTrue();
        assertThat(browser.find(By.id("condition-0")).getAttribute("value")).isEqualTo("sports");
        WebElement description = browser.find(By.id("description"));
        description.clear();
        description.sendKeys("Sports videos, highlights");
        browser.button("Save").click();
        browser.awaitHeading("Sports videos, highlights");
        browser.button("Delete").click();
        browser.waitFor(ExpectedConditions.alertIsPresent()).accept();
        browser.awaitHeading("Webhooks");
        browser.waitFor(d -> d.findElements(By.cssSelector("#webhooks-table tr[data-webhook='" + webhook + "']")).isEmpty());
    }

    private void check(String page) {
        browser.assertAccessible(page);
        browser.screenshots(page);
        browser.assertAccessible(page + " at " + Browser.SIZES.get(0));
    }
}
