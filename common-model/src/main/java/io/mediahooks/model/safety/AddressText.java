package io.mediahooks.model.safety;

import java.util.regex.Pattern;

/** How a host is written: the one IPv4 form every parser reads the same way, and the numeric forms they do not. */
final class AddressText {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern CANONICAL_IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /**
     * Hosts that some resolver reads as an IPv4 address: dotted or single numbers in decimal, octal
     * or hex ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}, {@code 127.1}), a trailing dot allowed.
     */
    private static final Pattern NUMERIC = Pattern.compile("(0[xX][0-9A-Fa-f]*|[0-9]+)(\\.(0[xX][0-9A-Fa-f]*|[0-9]+))*\\.?");

    private AddressText() {
    }

    /** Four decimal numbers of 0 to 255 without leading zeros: {@code 127.0.0.1}. */
    static boolean isCanonicalIpv4(String host) {
        return CANONICAL_IPV4.matcher(host).matches();
    }

    /** A number-only host that is not a canonical dotted quad: read differently by different parsers. */
    static boolean isAmbiguousNumeric(String host) {
        return NUMERIC.matcher(host).matches() && !isCanonicalIpv4(host);
    }
}
