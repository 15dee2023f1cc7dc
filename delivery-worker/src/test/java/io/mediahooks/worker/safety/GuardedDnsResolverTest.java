package io.mediahooks.worker.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.model.safety.AllowedAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.apache.hc.client5.http.impl.InMemoryDnsResolver;
import org.junit.jupiter.api.Test;

class GuardedDnsResolverTest {

    @Test
    void passesPublicAnswersThrough() throws UnknownHostException {
        GuardedDnsResolver resolver = resolverWith(Map.of("hooks.example.com", new String[] {"93.184.216.34"}));
        assertThat(resolver.resolve("hooks.example.com", 443))
                .singleElement().satisfies(address -> assertThat(address.getPort()).isEqualTo(443));
    }

    @Test
    void refusesAHostThatResolvesToAnInternalAddress() {
        GuardedDnsResolver resolver = resolverWith(Map.of("rebind.example.com", new String[] {"169.254.169.254"}));
        assertThatThrownBy(() -> resolver.resolve("rebind.example.com", 443))
                .isInstanceOf(ForbiddenAddressException.class)
                .hasMessage("rebind.example.com resolves to 169.254.169.254, the cloud metadata address");
    }

    @Test
    void oneInternalAnswerAmongPublicOnesTaintsTheHost() {
        GuardedDnsResolver resolver = resolverWith(Map.of("mixed.example.com", new String[] {"93.184.216.34", "10.0.0.5"}));
        assertThatThrownBy(() -> resolver.resolve("mixed.example.com")).isInstanceOf(ForbiddenAddressException.class);
    }

    @Test
    void checksIpLiteralsToo() {
        assertThatThrownBy(() -> GuardedDnsResolver.system(AllowedAddresses.NONE).resolve("127.0.0.1", 80))
                .isInstanceOf(ForbiddenAddressException.class)
                .hasMessage("127.0.0.1 is a loopback address");
    }

    @Test
    void letsThroughOnlyTheAddressesAnOperatorAllowed() throws UnknownHostException {
        InMemoryDnsResolver dns = new InMemoryDnsResolver();
        dns.add("internal.example", InetAddress.getByName("127.0.0.10"));
        dns.add("other.example", InetAddress.getByName("127.0.0.11"));
        GuardedDnsResolver resolver = new GuardedDnsResolver(dns, AllowedAddresses.parse("127.0.0.10/32"));
        assertThat(resolver.resolve("internal.example", 443)).singleElement()
                .satisfies(address -> assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.10"));
        assertThatThrownBy(() -> resolver.resolve("other.example", 443))
                .isInstanceOf(ForbiddenAddressException.class)
                .hasMessage("other.example resolves to 127.0.0.11, a loopback address");
    }

    private static GuardedDnsResolver resolverWith(Map<String, String[]> answers) {
        InMemoryDnsResolver dns = new InMemoryDnsResolver();
        answers.forEach((host, literals) -> {
            InetAddress[] addresses = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                try {
                    addresses[i] = InetAddress.getByName(literals[i]);
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException(e);
                }
            }
            dns.add(host, addresses);
        });
        return new GuardedDnsResolver(dns);
    }
}
