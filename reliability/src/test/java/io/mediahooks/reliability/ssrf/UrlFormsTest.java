package io.mediahooks.reliability.ssrf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlFormsTest {

    private static final int PORT = 45_000;
    private static final List<Integer> ALLOWED = List.of(46_001, 46_002, 46_003, 46_004, 46_005);

    @Test
    void atLeastFortyFormsEveryOneAimedAtTheForbiddenPortOrTheAllowedEndpoint() {
        List<UrlForms.UrlForm> forms = UrlForms.forms(PORT, AllowedEndpoints.HOST, ALLOWED, List.of("runsc"), List.of("192.0.2.2"));
        assertThat(forms).hasSizeGreaterThanOrEqualTo(40);
        assertThat(forms.stream().map(UrlForms.UrlForm::url).distinct()).hasSize(forms.size());
        assertThat(forms).allSatisfy(form -> assertThat(form.url()).containsAnyOf(":" + PORT, AllowedEndpoints.HOST + ":"));
        assertThat(forms.stream().map(UrlForms.UrlForm::category).collect(Collectors.toSet())).contains("IPv4 forms", "IPv6 forms",
                "names of loopback", "credentials and fragments", "redirects from an allowed endpoint");
        assertThat(forms).extracting(UrlForms.UrlForm::url).contains("https://2130706433:" + PORT + "/",
                "https://0177.0.0.1:" + PORT + "/", "https://0x7f.1:" + PORT + "/", "https://127.1:" + PORT + "/",
                "https://[::ffff:127.0.0.1]:" + PORT + "/", "https://[::127.0.0.1]:" + PORT + "/", "https://runsc:" + PORT + "/",
                "https://192.0.2.2:" + PORT + "/");
        assertThat(UrlForms.redirectTargets(PORT)).hasSameSizeAs(UrlForms.REDIRECT_STATUSES)
                .allSatisfy(target -> assertThat(target).contains(":" + PORT + "/"));
    }

    @Test
    void aSmallerCorpusKeepsEveryCategory() {
        List<UrlForms.UrlForm> forms = UrlForms.forms(PORT, AllowedEndpoints.HOST, ALLOWED, List.of(), List.of());
        List<UrlForms.UrlForm> few = UrlForms.firstOfEachCategory(forms, 2);
        assertThat(few.stream().map(UrlForms.UrlForm::category).distinct().count())
                .isEqualTo(forms.stream().map(UrlForms.UrlForm::category).distinct().count());
        assertThat(few.size()).isLessThanOrEqualTo(2 * 7);
    }

    @Test
    void readsTheLoopbackNamesOfAHostsFile(@TempDir Path dir) throws IOException {
        Path hosts = Files.writeString(dir.resolve("hosts"), """
                127.0.0.1 localhost
                127.0.1.1 builder builder.local # a comment
                ::1 ip6-localhost ip6-loopback
                10.0.0.5 database
                # 127.0.0.1 commented
                """);
        assertThat(UrlForms.loopbackNames(hosts)).containsExactly("localhost", "builder", "builder.local", "ip6-localhost",
                "ip6-loopback");
    }
}
