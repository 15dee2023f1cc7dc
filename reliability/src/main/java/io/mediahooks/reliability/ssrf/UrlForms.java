package io.mediahooks.reliability.ssrf;

import io.mediahooks.model.safety.AddressGuard;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SSRF corpus: URL forms that all lead to this machine, each aimed at the forbidden listener's
 * port (a wildcard listener, so that any local address counts), except the redirects, which are
 * served by an allowed endpoint and point at the forbidden listener.
 */
public final class UrlForms {

    /** One URL form: what it tries, and the URL a customer would submit. */
    public record UrlForm(String category, String name, String url) {
    }

    /** Redirect statuses the allowed endpoint answers, each to one of {@link #redirectTargets(int)}. */
    public static final List<Integer> REDIRECT_STATUSES = List.of(301, 302, 303, 307, 308);

    private UrlForms() {
    }

    /** Where the redirects point: forbidden URLs of the listener on {@code port}, one per status. */
    public static List<String> redirectTargets(int port) {
        return List.of("https://127.0.0.1:" + port + "/from-301", "http://localhost:" + port + "/from-302",
                "https://[::1]:" + port + "/from-303", "https://2130706433:" + port + "/from-307",
                "http://0.0.0.0:" + port + "/from-308");
    }

    /**
     * Every form. {@code port}: the forbidden listener's; {@code allowedHost}: the allowed endpoint's
     * address; {@code redirectPorts}: its ports, one per redirect status; {@code loopbackNames}: host
     * names of this machine that resolve to loopback; {@code ownAddresses}: this machine's other
     * addresses in forbidden ranges.
     */
    public static List<UrlForm> forms(int port, String allowedHost, List<Integer> redirectPorts, List<String> loopbackNames,
                                      List<String> ownAddresses) {
        List<UrlForm> forms = new ArrayList<>();
        String p = ":" + port;
        String allowed = allowedHost + ":" + redirectPorts.get(0);
        add(forms, "IPv4 forms", "dotted quad", "https://127.0.0.1" + p + "/");
        add(forms, "IPv4 forms", "decimal", "https://2130706433" + p + "/");
        add(forms, "IPv4 forms", "octal", "https://0177.0.0.1" + p + "/");
        add(forms, "IPv4 forms", "hex, short", "https://0x7f.1" + p + "/");
        add(forms, "IPv4 forms", "hex integer", "https://0x7f000001" + p + "/");
        add(forms, "IPv4 forms", "octal integer", "https://017700000001" + p + "/");
        add(forms, "IPv4 forms", "short", "https://127.1" + p + "/");
        add(forms, "IPv4 forms", "short, three parts", "https://127.0.1" + p + "/");
        add(forms, "IPv4 forms", "zero-padded", "https://127.000.000.001" + p + "/");
        add(forms, "IPv4 forms", "zero", "https://0" + p + "/");
        add(forms, "IPv4 forms", "this host", "https://0.0.0.0" + p + "/");
        add(forms, "IPv4 forms", "another loopback address", "https://127.0.0.2" + p + "/");
        add(forms, "IPv4 forms", "the top of 127/8", "https://127.255.255.254" + p + "/");
        add(forms, "IPv4 forms", "plain http", "http://127.0.0.1" + p + "/");
        add(forms, "IPv4 forms", "upper-case scheme", "HTTPS://127.0.0.1" + p + "/upper");
        add(forms, "IPv4 forms", "trailing dot", "https://127.0.0.1." + p + "/");
        add(forms, "IPv6 forms", "loopback", "https://[::1]" + p + "/");
        add(forms, "IPv6 forms", "loopback, in full", "https://[0:0:0:0:0:0:0:1]" + p + "/");
        add(forms, "IPv6 forms", "unspecified", "https://[::]" + p + "/");
        add(forms, "IPv6 forms", "IPv4-mapped", "https://[::ffff:127.0.0.1]" + p + "/");
        add(forms, "IPv6 forms", "IPv4-mapped, hex", "https://[::ffff:7f00:1]" + p + "/");
        add(forms, "IPv6 forms", "IPv4-mapped, in full", "https://[0:0:0:0:0:ffff:127.0.0.1]" + p + "/");
        add(forms, "IPv6 forms", "IPv4-mapped this host", "https://[::ffff:0.0.0.0]" + p + "/");
        add(forms, "IPv6 forms", "IPv4-compatible", "https://[::127.0.0.1]" + p + "/");
        add(forms, "IPv6 forms", "NAT64 of 127.0.0.1", "https://[64:ff9b::7f00:1]" + p + "/");
        add(forms, "IPv6 forms", "6to4 of 127.0.0.1", "https://[2002:7f00:1::]" + p + "/");
        add(forms, "IPv6 forms", "loopback with a zone", "https://[::1%25lo]" + p + "/");
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "LOCALHOST", "localhost."));
        names.addAll(loopbackNames);
        for (String name : names) {
            add(forms, "names of loopback", name, "https://" + name + p + "/");
        }
        for (String own : ownAddresses) {
            add(forms, "this machine's address", own, "https://" + (own.contains(":") ? "[" + own + "]" : own) + p + "/");
        }
        add(forms, "credentials and fragments", "allowed host as user info", "https://" + allowed + "@127.0.0.1" + p + "/");
        add(forms, "credentials and fragments", "user and password", "https://user:password@localhost" + p + "/");
        add(forms, "credentials and fragments", "allowed host after a fragment", "https://127.0.0.1" + p + "#@" + allowed + "/");
        add(forms, "credentials and fragments", "encoded fragment before @", "https://127.0.0.1" + p + "%23@" + allowed + "/");
        add(forms, "credentials and fragments", "backslash before @", "https://" + allowed + "\\@127.0.0.1" + p + "/");
        add(forms, "credentials and fragments", "@ in the query", "https://127.0.0.1" + p + "/?@" + allowed + "/");
        add(forms, "credentials and fragments", "user info, IPv6 host", "https://" + allowed + "@[::1]" + p + "/");
        add(forms, "encodings", "percent-encoded host", "https://%31%32%37.0.0.1" + p + "/");
        add(forms, "encodings", "ideographic full stops", "https://127\u30020\u30020\u30021" + p + "/");
        add(forms, "encodings", "leading space", " https://127.0.0.1" + p + "/");
        for (int i = 0; i < REDIRECT_STATUSES.size(); i++) {
            add(forms, "redirects from an allowed endpoint", REDIRECT_STATUSES.get(i) + " to " + redirectTargets(port).get(i),
                    "https://" + allowedHost + ":" + redirectPorts.get(i) + "/redirect");
        }
        return forms;
    }

    /** The first {@code count} forms of each category, in order: a smaller corpus of the same shape. */
    public static List<UrlForm> firstOfEachCategory(List<UrlForm> forms, int count) {
        Map<String, Integer> taken = new HashMap<>();
        return forms.stream().filter(form -> taken.merge(form.category(), 1, Integer::sum) <= count).toList();
    }

    private static void add(List<UrlForm> forms, String category, String name, String url) {
        forms.add(new UrlForm(category, name, url));
    }

    /** The names {@code /etc/hosts} maps to a loopback address (no DNS is asked). */
    public static List<String> loopbackNames(Path hosts) {
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(hosts)) {
                String[] fields = line.replaceAll("#.*", "").trim().split("\\s+");
                if (fields.length < 2 || !isLoopbackLiteral(fields[0])) {
                    continue;
                }
                for (int i = 1; i < fields.length; i++) {
                    if (!names.contains(fields[i].toLowerCase(Locale.ROOT))) {
                        names.add(fields[i].toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return names;
    }

    private static boolean isLoopbackLiteral(String text) {
        if (!text.matches("[0-9a-fA-F.:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(text).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** This machine's own non-loopback addresses that the address guard forbids (a public one would be fair game). */
    public static List<String> ownForbiddenAddresses() {
        List<String> own = new ArrayList<>();
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (!address.isLoopbackAddress() && address instanceof Inet4Address
                            && AddressGuard.whyForbidden(address).isPresent()) {
                        own.add(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        return own;
    }
}
