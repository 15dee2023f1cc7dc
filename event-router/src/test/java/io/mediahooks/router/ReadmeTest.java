package io.mediahooks.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.runtime.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's settings table is what operators read: it must match {@link RouterConfig#SETTINGS}. */
class ReadmeTest {

    private static final Pattern ROW = Pattern.compile("^\\| `((?:MEDIAHOOKS|KAFKA)_[A-Z_]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

    @Test
    void readmeDocumentsEverySettingWithItsDefault() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(readme);
        while (row.find()) {
            documented.put(row.group(1), row.group(2).trim());
        }

        Map<String, String> expected = RouterConfig.SETTINGS.stream().collect(Collectors.toMap(Setting::key,
                setting -> setting.defaultValue().map(value -> value.isEmpty() ? "(empty)" : "`" + value + "`").orElse("(required)"),
                (a, b) -> a, LinkedHashMap::new));
        assertThat(documented).containsExactlyEntriesOf(expected);
    }
}
