package io.mediahooks.model.safety;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a webhook URL may be called at all: {@code https} only (plain http when allowed for local
 * development), no IP literal in a forbidden range unless an operator allowed it explicitly
 * ({@link AllowedAddresses}), and no numeric host other than a canonical dotted quad: forms such as
 * {@code 2130706433}, {@code 0177.0.0.1} or {@code 0x7f.1} are read as different addresses by
 * different parsers (the JDK reads {@code 0177.0.0.1} as 177.0.0.1, the C library as 127.0.0.1), so
 * a check made by one cannot vouch for the connection made by another. Host names are checked
 * later, on the addresses they resolve to, by the delivery worker's guarded DNS resolver. One policy
 * serves every place a webhook URL enters: the management API, the CLI and the workers.
 */
public final class UrlPolicy {

    private final boolean allowHttp;
    private final boolean allowPrivateNetworks;
    private final AllowedAddresses allowed;

    public UrlPolicy(boolean allowHttp, boolean allowPrivateNetworks) {
        this(allowHttp, allowPrivateNetworks, AllowedAddresses.NONE);
    }

    /** @param allowed addresses reachable although their range is forbidden (an operator's internal endpoints) */
    public UrlPolicy(boolean allowHttp, boolean allowPrivateNetworks, AllowedAddresses allowed) {
        this.allowHttp = allowHttp;
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.allowed = Objects.requireNonNull(allowed, "allowed");
    }

    /** Why {@code url} must not be called, or empty when it may. */
    public Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(scheme + " URLs are not allowed, only https");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("the URL has no host");
        }
        if (allowPrivateNetworks) {
            return Optional.empty();
        }
        if (AddressText.isAmbiguousNumeric(host)) {
            return Optional.of(host + " is a numeric host that is not a dotted-quad IPv4 address (such forms are read "
                    + "differently by different resolvers); write the address as four decimal numbers");
        }
        boolean ipv6 = host.startsWith("[") && host.endsWith("]");
        if (!ipv6 && !AddressText.isCanonicalIpv4(host)) {
            // A host name: judged on the addresses it resolves to, when the worker connects.
            return Optional.empty();
        }
        InetAddress address;
        try {
            // A literal: parsed, never looked up.
            address = InetAddress.getByName(ipv6 ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of(host + " is not a valid IP address");
        }
        if (allowed.contains(address)) {
            return Optional.empty();
        }
        return AddressGuard.whyForbidden(address).map(reason -> host + " is " + reason);
    }
}
