package io.mediahooks.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The console's files as the API serves them: small, self-contained, and every module they import is there. */
class ConsoleAssetsTest {

    private static final Path CONSOLE = Path.of("..", "management-api", "src", "main", "resources", "console");
    private static final Pattern IMPORT = Pattern.compile("(?:from|import\\()\\s*'(\\./[^']+)'");
    private static final Pattern EXTERNAL = Pattern.compile("(?:src|href)=\"(?:https?:)?//|import[^;]*'https?://|url\\(\\s*['\"]?https?://");

    @Test
    void assetsStayUnder300KilobytesInAll() throws IOException {
        assertThat(files().stream().mapToLong(ConsoleAssetsTest::size).sum()).isLessThan(300 * 1024);
    }

    @Test
    void nothingIsLoadedFromAnotherHost() throws IOException {
        for (Path file : files()) {
            assertThat(EXTERNAL.matcher(Files.readString(file)).find()).as("%s loads from another host", file).isFalse();
        }
    }

    @Test
    void everyImportedModuleExists() throws IOException {
        for (Path file : files()) {
            Matcher imports = IMPORT.matcher(Files.readString(file));
            while (imports.find()) {
                assertThat(CONSOLE.resolve(imports.group(1))).as("imported by %s", file.getFileName()).isRegularFile();
            }
        }
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(CONSOLE)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            assertThat(files).extracting(path -> path.getFileName().toString()).contains("index.html", "app.js", "console.css");
            return files;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
