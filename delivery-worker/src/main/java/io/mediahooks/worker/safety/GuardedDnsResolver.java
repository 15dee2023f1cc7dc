package io.mediahooks.worker.safety;

import io.mediahooks.model.safety.AddressGuard;
import io.mediahooks.model.safety.AllowedAddresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The HTTP client's only way to turn a host into addresses: it refuses a host when any address it
 * resolves to is forbidden. Because the check runs on the very addresses the client connects to,
 * a DNS answer that changes between a check and the connect (rebinding) cannot get around it.
 */
public final class GuardedDnsResolver implements DnsResolver {

    private final DnsResolver delegate;
    private final AllowedAddresses allowed;

    public GuardedDnsResolver(DnsResolver delegate) {
        this(delegate, AllowedAddresses.NONE);
    }

    /** @param allowed addresses let through although their range is forbidden ({@code MEDIAHOOKS_ALLOWED_ADDRESSES}) */
    public GuardedDnsResolver(DnsResolver delegate, AllowedAddresses allowed) {
        this.delegate = delegate;
        this.allowed = allowed;
    }

    public static GuardedDnsResolver system(AllowedAddresses allowed) {
        return new GuardedDnsResolver(SystemDefaultDnsResolver.INSTANCE, allowed);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = delegate.resolve(host);
        for (InetAddress address : addresses) {
            Optional<String> reason = allowed.contains(address) ? Optional.empty() : AddressGuard.whyForbidden(address);
            if (reason.isPresent()) {
                // One bad answer taints the host: a mix of public and private records is a rebinding setup.
                throw new ForbiddenAddressException(host, address.getHostAddress(), reason.get());
            }
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (InetAddress address : resolve(host)) {
            addresses.add(new InetSocketAddress(address, port));
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return delegate.resolveCanonicalHostname(host);
    }
}
