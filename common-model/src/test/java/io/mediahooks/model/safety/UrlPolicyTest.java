package io.mediahooks.model.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://2130706433:8443/", "https://0177.0.0.1/", "https://127.000.000.001/", "https://0/",
        "https://017700000001/", "https://0x7f000001/", "https://8.8.8.010/"})
    void refusesNumericHostsThatAreNotDottedQuads(String url) {
        // The JDK reads 0177.0.0.1 as 177.0.0.1, the C library as 127.0.0.1: no check can vouch for both.
        assertThat(strict.refusal(URI.create(url)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not a dotted-quad IPv4 address"));
    }

    @Test
    void refusesABracketedHostThatIsNotAnAddress() {
        assertThat(strict.refusal(URI.create("https://[::1%25lo]:8443/")))
                .hasValueSatisfying(reason -> assertThat(reason).endsWith("is not a valid IP address"));
    }

    @Test
    void anOperatorsAllowListExemptsExactlyItsAddresses() {
        UrlPolicy withInternal = new UrlPolicy(false, false, AllowedAddresses.parse("127.0.0.10/32"));
        assertThat(withInternal.refusal(URI.create("https://127.0.0.10:8443/hook"))).isEmpty();
        assertThat(withInternal.refusal(URI.create("https://[::ffff:127.0.0.10]:8443/hook"))).isEmpty();
        assertThat(withInternal.refusal(URI.create("https://127.0.0.1:8443/hook"))).isPresent();
        assertThat(withInternal.refusal(URI.create("https://[::1]:8443/hook"))).isPresent();
        assertThat(withInternal.refusal(URI.create("http://127.0.0.10:8443/hook")))
                .as("the allow-list lifts the address rule, not the https rule")
                .hasValueSatisfying(reason -> assertThat(reason).contains("only https"));
    }
}
