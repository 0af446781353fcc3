package org.duhbalkana.platform.network;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.duhbalkana.platform.config.ConfigurationException;

/**
 * The reverse proxies whose forwarding headers the site believes ({@code TRUSTED_PROXIES}: a
 * comma-separated list of addresses and CIDR ranges, IPv4 or IPv6; empty by default, so that no
 * header is believed).
 *
 * <p>A request that comes straight from a trusted proxy names its client in
 * {@code Forwarded: for=…} (RFC 7239) or {@code X-Forwarded-For}. Each proxy appends the address
 * it was reached from, so only the right-hand end of the list was written by proxies we trust:
 * the client is the right-most address that is not itself a trusted proxy. Everything to its
 * left was written by the client and is ignored. A request from any other address is taken at
 * its network address, whatever headers it carries.
 */
public final class TrustedProxies {

    public static final String KEY = "TRUSTED_PROXIES";

    /** No proxy is trusted: every request is taken at its own network address. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private static final Pattern FOR = Pattern.compile("(?i)(?:^|;)\\s*for\\s*=\\s*(\"[^\"]*\"|[^;,\\s]+)");
    private static final Pattern PROTO = Pattern.compile("(?i)(?:^|;)\\s*proto\\s*=\\s*(\"[^\"]*\"|[^;,\\s]+)");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** What a request says about itself once the proxies' word has been weighed. */
    public record Client(String address, Optional<String> forwardedProto) {

        /** The address per-address limits count by: an IPv4 address as it is, an IPv6 client by its /64. */
        public String limitKey() {
            return TrustedProxies.limitKey(address);
        }
    }

    /** Reads and checks the key, as at start-up: a malformed entry stops start-up naming the key. */
    public static TrustedProxies read(Function<String, Optional<String>> source) {
        return source.apply(KEY).map(value -> parse(KEY, value)).orElse(NONE);
    }

    /** Parses {@code 127.0.0.1, 10.0.0.0/8, fd00::/8}. */
    public static TrustedProxies parse(String key, String value) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : value.split(",")) {
            String text = entry.trim();
            if (text.isEmpty()) {
                continue;
            }
            ranges.add(Range.parse(key, text));
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether a literal address (no host names) is one of the trusted proxies. */
    public boolean trusts(String address) {
        Optional<InetAddress> parsed = literal(address);
        return parsed.isPresent() && ranges.stream().anyMatch(range -> range.contains(parsed.get()));
    }

    /**
     * The client of a request that reached us from {@code remoteAddress}.
     *
     * @param forwarded        the {@code Forwarded} header values, in order (may be empty)
     * @param forwardedFor     the {@code X-Forwarded-For} header values, in order (may be empty)
     * @param forwardedProto   the {@code X-Forwarded-Proto} header values, in order (may be empty)
     */
    public Client client(String remoteAddress, List<String> forwarded, List<String> forwardedFor, List<String> forwardedProto) {
        if (!trusts(remoteAddress)) {
            return new Client(remoteAddress, Optional.empty());
        }
        List<String> hops = new ArrayList<>();
        Optional<String> proto = Optional.empty();
        if (!forwarded.isEmpty()) {
            for (String header : forwarded) {
                for (String element : header.split(",")) {
                    var matcher = FOR.matcher(element.trim());
                    hops.add(matcher.find() ? unquote(matcher.group(1)) : "");
                }
            }
            String last = lastElement(forwarded);
            var matcher = PROTO.matcher(last);
            if (matcher.find()) {
                proto = scheme(unquote(matcher.group(1)));
            }
        } else {
            for (String header : forwardedFor) {
                for (String hop : header.split(",")) {
                    hops.add(hop.trim());
                }
            }
            if (!forwardedProto.isEmpty()) {
                String[] values = forwardedProto.get(forwardedProto.size() - 1).split(",");
                proto = scheme(values[values.length - 1].trim());
            }
        }
        String client = remoteAddress;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<String> hop = hostOf(hops.get(i));
            if (hop.isEmpty()) {
                break; // unreadable ("unknown", an obfuscated name): the last proxy we trust is as far as we can see
            }
            client = hop.get();
            if (!trusts(client)) {
                break;
            }
        }
        return new Client(client, proto);
    }

    /** The address per-address limits count by: an IPv6 address cut to its /64, IPv4 (also IPv4-mapped) as it is. */
    public static String limitKey(String address) {
        Optional<InetAddress> parsed = literal(address);
        if (parsed.isEmpty()) {
            return address;
        }
        InetAddress inet = parsed.get();
        if (inet instanceof Inet4Address) {
            return inet.getHostAddress();
        }
        byte[] bytes = inet.getAddress();
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    private static String lastElement(List<String> headers) {
        String[] elements = headers.get(headers.size() - 1).split(",");
        return elements[elements.length - 1].trim();
    }

    private static Optional<String> scheme(String value) {
        String scheme = value.toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http") ? Optional.of(scheme) : Optional.empty();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** The address in a hop: {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711}, {@code 2001:db8::1}. */
    private static Optional<String> hostOf(String hop) {
        String text = hop.trim();
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            text = end > 0 ? text.substring(1, end) : "";
        } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            text = text.substring(0, text.indexOf(':')); // IPv4 with a port
        }
        return literal(text).map(InetAddress::getHostAddress);
    }

    /** A literal IPv4 or IPv6 address, never a name lookup. */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        int zone = value.indexOf('%');
        if (zone > 0) {
            value = value.substring(0, zone);
        }
        boolean four = IPV4.matcher(value).matches();
        if (!(four || IPV6.matcher(value).matches())) {
            return Optional.empty();
        }
        if (four && java.util.Arrays.stream(value.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
            return Optional.empty(); // would otherwise be looked up as a host name
        }
        try {
            InetAddress address = InetAddress.getByName(value);
            if (address instanceof Inet6Address six && isIpv4Mapped(six.getAddress())) {
                byte[] b = six.getAddress();
                return Optional.of(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
            }
            return Optional.of(address);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    @Override
    public String toString() {
        return ranges.toString();
    }

    /** One address or CIDR range. */
    private record Range(byte[] network, int prefix, String text) {

        static Range parse(String key, String text) {
            String address = text;
            int prefix = -1;
            int slash = text.indexOf('/');
            if (slash >= 0) {
                address = text.substring(0, slash);
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw refused(key, text);
                }
            }
            InetAddress inet = literal(address).orElseThrow(() -> refused(key, text));
            byte[] bytes = inet.getAddress();
            int bits = bytes.length * 8;
            if (prefix == -1) {
                prefix = bits;
            }
            if (prefix < 0 || prefix > bits) {
                throw refused(key, text);
            }
            return new Range(mask(bytes, prefix), prefix, text);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            return bytes.length == network.length && java.util.Arrays.equals(mask(bytes, prefix), network);
        }

        private static byte[] mask(byte[] bytes, int prefix) {
            byte[] masked = bytes.clone();
            for (int i = 0; i < masked.length; i++) {
                int keep = Math.max(0, Math.min(8, prefix - i * 8));
                masked[i] = (byte) (masked[i] & (0xff << (8 - keep)));
            }
            return masked;
        }

        private static ConfigurationException refused(String key, String text) {
            String shown = text.replaceAll("\\p{Cntrl}", "?");
            return new ConfigurationException(key, "must list addresses or CIDR ranges such as 127.0.0.1, 10.0.0.0/8 or fd00::/8, not '"
                    + (shown.length() > 60 ? shown.substring(0, 60) + "…" : shown) + "'");
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Range r && r.prefix == prefix && java.util.Arrays.equals(r.network, network);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(network) * 31 + prefix;
        }
    }
}
