package io.mediahooks.model.safety;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which IP addresses a webhook must never reach: loopback, private, link-local, carrier-grade NAT,
 * cloud metadata, multicast, broadcast, reserved and documentation ranges, in IPv4 and IPv6,
 * including IPv6 forms that carry an IPv4 address (mapped, compatible, translated, NAT64, 6to4).
 * Pure: it looks at address bytes only and never resolves anything.
 */
public final class AddressGuard {

    private static final List<Block> IPV4 = List.of(
            Block.of("0.0.0.0", 8, "a 'this network' address"),
            Block.of("10.0.0.0", 8, "a private address"),
            Block.of("100.64.0.0", 10, "a carrier-grade NAT address"),
            Block.of("127.0.0.0", 8, "a loopback address"),
            Block.of("169.254.169.254", 32, "the cloud metadata address"),
            Block.of("169.254.0.0", 16, "a link-local address"),
            Block.of("172.16.0.0", 12, "a private address"),
            Block.of("192.0.0.0", 24, "an IETF protocol address"),
            Block.of("192.0.2.0", 24, "a documentation address"),
            Block.of("192.88.99.0", 24, "a 6to4 relay address"),
            Block.of("192.168.0.0", 16, "a private address"),
            Block.of("198.18.0.0", 15, "a benchmarking address"),
            Block.of("198.51.100.0", 24, "a documentation address"),
            Block.of("203.0.113.0", 24, "a documentation address"),
            Block.of("224.0.0.0", 4, "a multicast address"),
            Block.of("255.255.255.255", 32, "the broadcast address"),
            Block.of("240.0.0.0", 4, "a reserved address"));

    private static final List<Block> IPV6 = List.of(
            Block.of("::", 128, "the unspecified address"),
            Block.of("::1", 128, "a loopback address"),
            Block.of("fd00:ec2::254", 128, "the cloud metadata address"),
            Block.of("fc00::", 7, "a unique-local address"),
            Block.of("fe80::", 10, "a link-local address"),
            Block.of("fec0::", 10, "a site-local address"),
            Block.of("ff00::", 8, "a multicast address"),
            Block.of("100::", 64, "a discard-only address"),
            Block.of("64:ff9b:1::", 48, "a local-use NAT64 address"),
            Block.of("2001::", 32, "a Teredo tunnel address"),
            Block.of("2001:10::", 28, "an ORCHID address"),
            Block.of("2001:20::", 28, "an ORCHID address"),
            Block.of("2001:db8::", 32, "a documentation address"),
            Block.of("3fff::", 20, "a documentation address"));

    /** {@code ::ffff:0:0/96} as bytes: the JDK parses that literal into an IPv4 address. */
    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0};

    /** IPv6 prefixes followed by an IPv4 address in the given bytes: the IPv4 rules apply to it. */
    private static final List<Embedding> EMBEDDINGS = List.of(
            new Embedding(new Block(MAPPED_PREFIX, 96, "IPv4-mapped"), 12),
            new Embedding(Block.of("::ffff:0:0:0", 96, "IPv4-translated"), 12),
            new Embedding(Block.of("64:ff9b::", 96, "NAT64"), 12),
            new Embedding(Block.of("2002::", 16, "6to4"), 2),
            new Embedding(Block.of("::", 96, "IPv4-compatible"), 12));

    private AddressGuard() {
    }

    /** Why {@code address} is forbidden ("a loopback address"), or empty when it may be called. */
    public static Optional<String> whyForbidden(InetAddress address) {
        return whyForbidden(address.getAddress());
    }

    private static Optional<String> whyForbidden(byte[] bytes) {
        if (bytes.length == 4) {
            return firstMatch(IPV4, bytes);
        }
        Optional<String> direct = firstMatch(IPV6, bytes);
        if (direct.isPresent()) {
            return direct;
        }
        for (Embedding embedding : EMBEDDINGS) {
            if (embedding.prefix.contains(bytes)) {
                byte[] ipv4 = Arrays.copyOfRange(bytes, embedding.offset, embedding.offset + 4);
                return whyForbidden(ipv4).map(reason -> reason + " (" + embedding.prefix.name + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstMatch(List<Block> blocks, byte[] bytes) {
        return blocks.stream().filter(block -> block.contains(bytes)).map(Block::name).findFirst();
    }

    /** A named forbidden range. */
    private record Block(AddressBlock range, String name) {

        Block(byte[] prefix, int bits, String name) {
            this(new AddressBlock(prefix, bits), name);
        }

        static Block of(String literal, int bits, String name) {
            try {
                // Literals only, so no lookup happens.
                return new Block(InetAddress.getByName(literal).getAddress(), bits, name);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP literal: " + literal, e);
            }
        }

        boolean contains(byte[] address) {
            return range.contains(address);
        }
    }

    private record Embedding(Block prefix, int offset) {
    }
}
