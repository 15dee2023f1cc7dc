package io.mediahooks.model.safety;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Addresses an operator explicitly lets webhooks reach although {@link AddressGuard} forbids their
 * range: an internal endpoint such as {@code 10.20.0.15/32}, or the test endpoint of the
 * reliability suite ({@code 127.0.0.10/32}). Written as IP literals with a prefix length
 * ({@code MEDIAHOOKS_ALLOWED_ADDRESSES=10.20.0.15/32,fd00:1::7/128}); never a host name, so that no
 * DNS answer can widen it. Empty by default. An IPv4 block matches IPv4 addresses only (Java reads
 * {@code ::ffff:a.b.c.d} as the IPv4 address itself), an IPv6 block IPv6 addresses only.
 */
public final class AllowedAddresses {

    /** Nothing allowed beyond the guard's rules: the default. */
    public static final AllowedAddresses NONE = new AllowedAddresses(List.of(), "");

    /** Literals only: digits, hex digits, dots and colons; never a name to look up. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]+");

    private final List<AddressBlock> blocks;
    private final String text;

    private AllowedAddresses(List<AddressBlock> blocks, String text) {
        this.blocks = List.copyOf(blocks);
        this.text = text;
    }

    /**
     * Parses {@code 127.0.0.10/32,fd00::7/128} (comma-separated; blank for none).
     *
     * @throws IllegalArgumentException naming the entry that is not an IP literal with a prefix length
     */
    public static AllowedAddresses parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        List<AddressBlock> blocks = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String entry = raw.trim();
            int slash = entry.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("'" + entry + "' needs a prefix length, such as /32 for one IPv4 address");
            }
            String address = entry.substring(0, slash);
            if (!LITERAL.matcher(address).matches() || (address.indexOf(':') < 0 && !AddressText.isCanonicalIpv4(address))) {
                throw new IllegalArgumentException("'" + entry + "' is not an IP address literal (four decimal numbers, or IPv6)");
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + entry + "' is not an IP address literal", e);
            }
            if (address.indexOf(':') >= 0 && bytes.length == 4) {
                throw new IllegalArgumentException("'" + entry + "' is an IPv4-mapped address: write the IPv4 address");
            }
            int bits;
            try {
                bits = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + entry + "' has no valid prefix length", e);
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("'" + entry + "': the prefix length must be 0 to " + bytes.length * 8);
            }
            blocks.add(new AddressBlock(bytes, bits));
        }
        return new AllowedAddresses(blocks, spec.trim());
    }

    /** True when {@code address} lies in one of the allowed blocks. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return blocks.stream().anyMatch(block -> block.contains(bytes));
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "none" : text;
    }
}
