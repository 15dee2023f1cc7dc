package io.mediahooks.model.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback",
            "127.255.255.254, loopback",
            "10.1.2.3, private",
            "172.16.0.1, private",
            "172.31.255.255, private",
            "192.168.1.1, private",
            "169.254.169.254, metadata",
            "169.254.10.10, link-local",
            "100.64.0.1, carrier-grade NAT",
            "100.127.255.255, carrier-grade NAT",
            "0.0.0.0, this network",
            "0.1.2.3, this network",
            "224.0.0.251, multicast",
            "239.255.255.250, multicast",
            "255.255.255.255, broadcast",
            "240.0.0.1, reserved",
            "192.0.0.192, IETF",
            "198.18.0.1, benchmarking",
            "::1, loopback",
            "::, unspecified",
            "fe80::1, link-local",
            "fc00::1, unique-local",
            "fd12:3456::1, unique-local",
            "fd00:ec2::254, metadata",
            "ff02::1, multicast",
            "fec0::1, site-local",
            "2001:db8::1, documentation",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2, Teredo",
            "64:ff9b:1::1, NAT64",
            "::ffff:0:127.0.0.1, IPv4-translated",
            "::127.0.0.1, loopback",
            "64:ff9b::10.0.0.1, NAT64",
            "64:ff9b::a9fe:a9fe, metadata",
            "2002:7f00:1::, 6to4",
            "2002:c0a8:0101::1, 6to4"})
    void refusesInternalAddresses(String literal, String expectedReason) throws UnknownHostException {
        assertThat(AddressGuard.whyForbidden(InetAddress.getByName(literal)))
                .hasValueSatisfying(reason -> assertThat(reason).contains(expectedReason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "169.255.0.1",
            "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "64:ff9b::808:808", "2002:808:808::1"})
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        assertThat(AddressGuard.whyForbidden(InetAddress.getByName(literal))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254", "192.168.0.1"})
    void refusesIpv4MappedAddressesEvenAsIpv6Objects(String ipv4) throws UnknownHostException {
        byte[] v4 = InetAddress.getByName(ipv4).getAddress();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(v4, 0, mapped, 12, 4);
        // The JDK turns a mapped literal into an Inet4Address; a resolver may still hand us the IPv6 form.
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(AddressGuard.whyForbidden(address)).hasValueSatisfying(reason -> assertThat(reason).contains("IPv4-mapped"));
        assertThat(AddressGuard.whyForbidden(InetAddress.getByName("::ffff:" + ipv4))).isPresent();
    }
}
