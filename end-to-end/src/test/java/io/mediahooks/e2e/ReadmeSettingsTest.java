package io.mediahooks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.api.ApiConfig;
import io.mediahooks.router.RouterConfig;
import io.mediahooks.runtime.Setting;
import io.mediahooks.worker.WorkerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The top-level README documents every setting of the services with the default the code uses. */
class ReadmeSettingsTest {

    @Test
    void readmeListsEverySettingWithItsDefault() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<Setting<?>> all = new ArrayList<>(RouterConfig.SETTINGS);
        all.addAll(WorkerConfig.SETTINGS);
        all.addAll(ApiConfig.SETTINGS);
        for (Setting<?> setting : all) {
            String shown = setting.defaultValue().map(value -> value.isEmpty() ? "(empty)" : "`" + value + "`").orElse("(required)");
            assertThat(readme).as(setting.key()).contains("| `" + setting.key() + "` | " + shown + " |");
        }
    }
}
