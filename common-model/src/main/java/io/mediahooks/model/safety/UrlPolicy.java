package io.mediahooks.model.safety;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a webhook URL may be called at all: {@code https} only (plain http when allowed for local
 * development), and no IP literal in a forbidden range. Host names are checked later, on the
 * addresses they resolve to, by the delivery worker's guarded DNS resolver. One policy serves every place
 * a webhook URL enters: the management API, the CLI and the workers.
 */
public final class UrlPolicy {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean allowHttp;
    private final boolean allowPrivateNetworks;

    public UrlPolicy(boolean allowHttp, boolean allowPrivateNetworks) {
        this.allowHttp = allowHttp;
        this.allowPrivateNetworks = allowPrivateNetworks;
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
        return literal(host).flatMap(address -> AddressGuard.whyForbidden(address).map(reason -> host + " is " + reason));
    }

    /** The address of an IP literal host; empty for a host name (never looked up here). */
    private static Optional<InetAddress> literal(String host) {
        boolean ipv6 = host.startsWith("[") && host.endsWith("]");
        if (!ipv6 && !IPV4_LITERAL.matcher(host).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(ipv6 ? host.substring(1, host.length() - 1) : host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
