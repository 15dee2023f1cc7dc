package io.mediahooks.model.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedAddressesTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void matchesOnlyTheListedBlocks() throws UnknownHostException {
        AllowedAddresses allowed = AllowedAddresses.parse("127.0.0.10/32, 10.20.0.0/16,fd00:1::7/128");
        assertThat(allowed.contains(ip("127.0.0.10"))).isTrue();
        assertThat(allowed.contains(ip("::ffff:127.0.0.10"))).as("the JDK reads a mapped address as IPv4").isTrue();
        assertThat(allowed.contains(ip("127.0.0.1"))).isFalse();
        assertThat(allowed.contains(ip("127.0.0.11"))).isFalse();
        assertThat(allowed.contains(ip("10.20.255.1"))).isTrue();
        assertThat(allowed.contains(ip("10.21.0.1"))).isFalse();
        assertThat(allowed.contains(ip("fd00:1::7"))).isTrue();
        assertThat(allowed.contains(ip("::127.0.0.10"))).as("IPv4-compatible is another address").isFalse();
        assertThat(allowed.toString()).isEqualTo("127.0.0.10/32, 10.20.0.0/16,fd00:1::7/128");
    }

    @Test
    void blankAllowsNothing() throws UnknownHostException {
        assertThat(AllowedAddresses.parse(" ").isEmpty()).isTrue();
        assertThat(AllowedAddresses.parse("").contains(ip("127.0.0.1"))).isFalse();
        assertThat(AllowedAddresses.NONE.toString()).isEqualTo("none");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.10", "localhost/32", "0177.0.0.1/32", "127.1/32", "2130706433/32",
        "127.0.0.10/33", "::1/129", "127.0.0.10/x", "::ffff:127.0.0.10/128", "metadata.internal/32"})
    void refusesAnythingButIpLiteralsWithAPrefixLength(String entry) {
        assertThatThrownBy(() -> AllowedAddresses.parse("10.0.0.1/32," + entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + entry + "'");
    }
}
