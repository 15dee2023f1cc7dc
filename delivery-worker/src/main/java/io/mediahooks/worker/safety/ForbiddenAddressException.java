package io.mediahooks.worker.safety;

import java.net.UnknownHostException;

/**
 * A host resolved to an address webhooks must not reach. It is an {@link UnknownHostException} so
 * that the HTTP client treats it as a failed resolution and never connects.
 */
public final class ForbiddenAddressException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    public ForbiddenAddressException(String host, String address, String reason) {
        super(host.equals(address) ? address + " is " + reason : host + " resolves to " + address + ", " + reason);
    }
}
