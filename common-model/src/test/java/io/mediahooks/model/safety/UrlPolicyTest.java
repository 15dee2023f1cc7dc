package io.mediahooks.model.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlPolicyTest {

    private final UrlPolicy strict = new UrlPolicy(false, false);

    @Test
    void allowsHttpsHostNames() {
        assertThat(strict.refusal(URI.create("https://hooks.example.com/flow"))).isEmpty();
        assertThat(strict.refusal(URI.create("https://8.8.8.8:8443/x"))).isEmpty();
    }

    @Test
    void refusesPlainHttpUnlessAllowed() {
        assertThat(strict.refusal(URI.create("http://hooks.example.com/flow")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("only https"));
        assertThat(new UrlPolicy(true, false).refusal(URI.create("http://hooks.example.com/flow"))).isEmpty();
    }

    @Test
    void refusesOtherSchemesEvenWhenHttpIsAllowed() {
        assertThat(new UrlPolicy(true, true).refusal(URI.create("ftp://hooks.example.com/"))).isPresent();
        assertThat(new UrlPolicy(true, true).refusal(URI.create("file:///etc/passwd"))).isPresent();
    }

    @Test
    void refusesForbiddenIpLiteralsWithoutAnyLookup() {
        assertThat(strict.refusal(URI.create("https://127.0.0.1/x")))
                .hasValueSatisfying(reason -> assertThat(reason).isEqualTo("127.0.0.1 is a loopback address"));
        assertThat(strict.refusal(URI.create("https://[::1]:8443/x"))).isPresent();
        assertThat(strict.refusal(URI.create("https://[::ffff:169.254.169.254]/latest/meta-data"))).isPresent();
        assertThat(strict.refusal(URI.create("https://169.254.169.254/latest/meta-data")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("metadata"));
    }

    @Test
    void theDevelopmentSwitchAllowsPrivateAddresses() {
        assertThat(new UrlPolicy(false, true).refusal(URI.create("https://127.0.0.1:8443/x"))).isEmpty();
    }
}
