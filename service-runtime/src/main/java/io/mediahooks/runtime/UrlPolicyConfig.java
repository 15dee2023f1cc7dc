package io.mediahooks.runtime;

import io.mediahooks.model.safety.AllowedAddresses;
import io.mediahooks.model.safety.UrlPolicy;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of the one {@link UrlPolicy}, read the same way by every service a webhook URL
 * enters through: the management API (on input), the router and the workers (in their views of
 * {@code webhook-subscriptions}) and the workers again when they send. Services given different
 * values disagree about which webhooks exist, so they all get the same.
 */
public record UrlPolicyConfig(boolean allowHttp, boolean allowPrivateNetworks, AllowedAddresses allowedAddresses) {

    public static final Setting<Boolean> ALLOW_HTTP = Setting.of("MEDIAHOOKS_ALLOW_HTTP", "false",
            "Local development only: accept and call plain http webhook URLs. Router, workers and API need the same value.",
            Parsers::bool);
    public static final Setting<Boolean> ALLOW_PRIVATE_NETWORKS = Setting.of("MEDIAHOOKS_ALLOW_PRIVATE_NETWORKS", "false",
            "Local development only: accept and call webhook URLs on loopback, private, link-local and metadata addresses. "
                    + "Router, workers and API need the same value.", Parsers::bool);
    public static final Setting<AllowedAddresses> ALLOWED_ADDRESSES = Setting.of("MEDIAHOOKS_ALLOWED_ADDRESSES", "",
            "Addresses webhook URLs may name and reach although their range is forbidden (an internal endpoint): IP literals "
                    + "with a prefix length, comma-separated, such as 10.20.0.15/32; never host names. Keep it as narrow as "
                    + "possible; router, workers and API need the same value.", AllowedAddresses::parse);

    /** Every setting read here, for the services' settings lists. */
    public static final List<Setting<?>> SETTINGS = List.of(ALLOW_HTTP, ALLOW_PRIVATE_NETWORKS, ALLOWED_ADDRESSES);

    public UrlPolicyConfig {
        Objects.requireNonNull(allowedAddresses, "allowedAddresses");
    }

    /** Reads the settings; a value that does not parse is a {@link ConfigException} naming its key. */
    public static UrlPolicyConfig from(Environment env) {
        return new UrlPolicyConfig(env.get(ALLOW_HTTP), env.get(ALLOW_PRIVATE_NETWORKS), env.get(ALLOWED_ADDRESSES));
    }

    /**
     * The variables of local development, where receivers listen on plain http on loopback: what
     * launchers and tests give the router, the workers and the API alike.
     */
    public static Map<String, String> localDevelopment() {
        return Map.of(ALLOW_HTTP.key(), "true", ALLOW_PRIVATE_NETWORKS.key(), "true");
    }

    public UrlPolicy policy() {
        return new UrlPolicy(allowHttp, allowPrivateNetworks, allowedAddresses);
    }

    /** One line for the start-up log. */
    public String describe() {
        return "webhook URLs: " + (allowHttp ? "http and https" : "https only")
                + (allowPrivateNetworks ? ", private networks ALLOWED (local development only)" : ", no private networks")
                + (allowedAddresses.isEmpty() ? "" : ", allowed addresses " + allowedAddresses);
    }
}
