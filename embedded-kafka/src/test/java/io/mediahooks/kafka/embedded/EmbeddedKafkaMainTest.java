package io.mediahooks.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import io.mediahooks.kafka.embedded.EmbeddedKafkaMain.Options;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaMainTest {

    @Test
    void defaultsToPort9092AndDataDirUnderDotMediahooks() {
        Options options = Options.parse();

        assertThat(options.port()).isEqualTo(9092);
        assertThat(options.dataDir()).isEqualTo(Path.of(".mediahooks", "kafka"));
    }

    @Test
    void takesPortAndDataDirFromFlags() {
        Options options = Options.parse("--data-dir", "/tmp/k", "--port", "19092");

        assertThat(options.port()).isEqualTo(19092);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/k"));
    }

    @Test
    void rejectsUnknownFlagByName() {
        assertThatThrownBy(() -> Options.parse("--prot", "9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--prot");
    }

    @Test
    void rejectsPortThatIsNotAUsablePortNumber() {
        assertThatThrownBy(() -> Options.parse("--port", "nine")).hasMessageContaining("'nine'");
        assertThatThrownBy(() -> Options.parse("--port", "0")).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> Options.parse("--port", "70000")).hasMessageContaining("1-65535");
    }

    @Test
    void rejectsFlagWithoutValue() {
        assertThatThrownBy(() -> Options.parse("--data-dir"))
                .hasMessageContaining("missing value after --data-dir");
    }
}
