package io.mediahooks.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through /usr/bin/chromedriver (so Selenium Manager never
 * downloads anything), with what the console's tests need around it: exact viewport sizes,
 * screenshots in target/screenshots, and axe-core (the npm package) run on the page.
 */
public final class Browser implements AutoCloseable {

    /** The two sizes the console must work at: a laptop and a phone. */
    public static final List<Dimension> SIZES = List.of(new Dimension(1280, 800), new Dimension(390, 844));

    static final Path CHROMEDRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    static final Path AXE = Path.of(System.getProperty("console.axe", "node_modules/axe-core/axe.min.js"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final String axeSource;

    private Browser(ChromeDriver driver, String axeSource) {
        this.driver = driver;
        this.axeSource = axeSource;
    }

    /** Starts chromium, or fails saying what to install. */
    public static Browser start() {
        assertThat(CHROMEDRIVER).as("chromedriver is missing: apt-get install -y chromium chromium-driver (.ci/run does it)")
                .isExecutable();
        assertThat(AXE).as("axe-core is missing: npm ci --prefix console-tests (.ci/run does it)").isRegularFile();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-extensions", "--lang=en-US", "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        try {
            return new Browser(new ChromeDriver(service, options), Files.readString(AXE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(By by) {
        return waitFor(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Waits (up to 30 s, polling) until {@code condition} gives something other than null or false. */
    public <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(Duration.ofSeconds(30), condition);
    }

    public <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        // The console re-renders parts of the page as data arrives: an element found a moment ago may be gone.
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class);
        return wait.until(condition::apply);
    }

    /** Waits until the page's main heading reads {@code text}: the page has changed and rendered. */
    public void awaitHeading(String text) {
        waitFor(d -> d.findElements(By.tagName("h1")).stream().anyMatch(h1 -> h1.getText().equals(text)));
    }

    public WebElement button(String text) {
        return find(By.xpath("//button[normalize-space(.)='" + text + "']"));
    }

    public void resize(Dimension viewport) {
        driver.manage().window().setSize(viewport);
        // The window's outer size includes any browser chrome: correct it so the page sees exactly the viewport.
        long width = (Long) script("return window.innerWidth;");
        long height = (Long) script("return window.innerHeight;");
        driver.manage().window().setSize(new Dimension(2 * viewport.width - (int) width, 2 * viewport.height - (int) height));
    }

    /**
     * Two screenshots at each of {@link #SIZES}: the screen as a person first sees it
     * ({@code <name>-1280x800.png}, scrolled to the top) and the whole page
     * ({@code <name>-1280x800-full.png}); then back to the first size, where the page was scrolled to.
     */
    public List<Path> screenshots(String name) {
        List<Path> files = new ArrayList<>();
        Object scrolled = script("return window.scrollY;");
        try {
            Files.createDirectories(SCREENSHOTS);
            for (Dimension size : SIZES) {
                resize(size);
                assertThat((Long) script("return document.documentElement.scrollWidth;"))
                        .as("%s at %sx%s: the page is no wider than the screen", name, size.width, size.height)
                        .isLessThanOrEqualTo(size.width);
                script("window.scrollTo(0, 0);");
                String base = name + "-" + size.width + "x" + size.height;
                files.add(screenshot(base));
                long height = (Long) script("return document.documentElement.scrollHeight;");
                resize(new Dimension(size.width, (int) Math.min(height, 8000)));
                files.add(screenshot(base + "-full"));
            }
            resize(SIZES.get(0));
            script("window.scrollTo(0, arguments[0]);", scrolled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** One screenshot of the top of the page at {@code viewport} (then back to the first size): for the README. */
    public Path screenshotAt(String name, Dimension viewport) {
        try {
            Files.createDirectories(SCREENSHOTS);
            resize(viewport);
            script("window.scrollTo(0, 0);");
            return screenshot(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            resize(SIZES.get(0));
        }
    }

    private Path screenshot(String name) throws IOException {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.move(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** Runs axe-core on the page as it is and fails on any serious or critical violation, naming each. */
    public void assertAccessible(String page) {
        script(axeSource);
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations)))
                  .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));""");
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree((String) result)) {
                String impact = violation.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> targets = new ArrayList<>();
                    violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                    serious.add(impact + " " + violation.path("id").asText() + ": " + violation.path("help").asText() + " at " + targets);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(serious).as("axe-core on %s", page).isEmpty();
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
