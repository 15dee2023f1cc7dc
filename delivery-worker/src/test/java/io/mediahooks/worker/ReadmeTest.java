package io.mediahooks.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.runtime.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The module README documents exactly the settings the worker reads, each with its real default. */
class ReadmeTest {

    private static final Pattern ROW = Pattern.compile("^\\| `((?:MEDIAHOOKS|KAFKA)_[A-Z_]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

    @Test
    void settingsTableMatchesTheCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher rows = ROW.matcher(readme);
        List<String> documented = rows.results().map(row -> row.group(1)).toList();

        assertThat(documented).containsExactlyElementsOf(WorkerConfig.SETTINGS.stream().map(Setting::key).toList());
        for (Setting<?> setting : WorkerConfig.SETTINGS) {
            String expected = setting.defaultValue().map(value -> value.isEmpty() ? "(empty)" : "`" + value + "`")
                    .orElse("required");
            assertThat(readme).as(setting.key()).contains("| `" + setting.key() + "` | " + expected + " |");
        }
    }
}
