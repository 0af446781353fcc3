package org.duhbalkana.platform.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Two or more instances of the site on one database (issue 13): whether this instance joins Payara
 * Micro's data grid (Hazelcast), with whom, on which address and port, under which cluster name;
 * and the directory of attachments, which every instance must read.
 *
 * <ul>
 * <li>{@code CLUSTER} (default false): off, Payara Micro is started with {@code --nocluster}.</li>
 * <li>{@code CLUSTER_MEMBERS}: every member, this one included, as {@code host:port,host:port};
 *     required with {@code CLUSTER=true}. Only a static list (TCP/IP discovery): never multicast,
 *     and no port ranges.</li>
 * <li>{@code CLUSTER_ADDRESS} (default 127.0.0.1): the IP address of the interface the grid binds
 *     to and announces to the others.</li>
 * <li>{@code CLUSTER_PORT} (default 6900): this instance's grid port.</li>
 * <li>{@code CLUSTER_NAME} (default {@code duhbalkana}): instances join only a grid of that name.</li>
 * <li>{@code ATTACHMENTS_DIR} (default {@code ${DATA_DIR}/attachments}): where uploaded attachments
 *     are kept; with several instances, a directory they all share.</li>
 * </ul>
 * Checked at start-up with the other keys ({@link Settings#read}).
 */
public record ClusterSettings(boolean enabled, List<String> members, String address, int port, String name, Path attachmentsDir) {

    public static final String CLUSTER = "CLUSTER";
    public static final String CLUSTER_MEMBERS = "CLUSTER_MEMBERS";
    public static final String CLUSTER_ADDRESS = "CLUSTER_ADDRESS";
    public static final String CLUSTER_PORT = "CLUSTER_PORT";
    public static final String CLUSTER_NAME = "CLUSTER_NAME";
    public static final String ATTACHMENTS_DIR = "ATTACHMENTS_DIR";

    /** The keys, for {@link Settings#KEYS}. */
    public static final List<String> KEYS = List.of(CLUSTER, CLUSTER_MEMBERS, CLUSTER_ADDRESS, CLUSTER_PORT, CLUSTER_NAME, ATTACHMENTS_DIR);

    public static final String DEFAULT_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 6900;
    public static final String DEFAULT_NAME = "duhbalkana";

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    public ClusterSettings {
        members = List.copyOf(members);
    }

    /** Reads and checks the keys; throws {@link ConfigurationException} naming a bad one. */
    public static ClusterSettings read(Function<String, Optional<String>> source) {
        boolean enabled = Settings.flag(CLUSTER, source.apply(CLUSTER).orElse("false"));
        String address = address(value(source, CLUSTER_ADDRESS).orElse(DEFAULT_ADDRESS));
        int port = value(source, CLUSTER_PORT).map(p -> Settings.port(CLUSTER_PORT, p)).orElse(DEFAULT_PORT);
        String name = value(source, CLUSTER_NAME).orElse(DEFAULT_NAME);
        if (!NAME.matcher(name).matches()) {
            throw new ConfigurationException(CLUSTER_NAME, "must be letters, digits, '.', '_' or '-' (at most 63), not '" + shown(name) + "'");
        }
        Optional<String> memberList = value(source, CLUSTER_MEMBERS);
        List<String> members = memberList.map(ClusterSettings::members).orElse(List.of());
        if (enabled && members.isEmpty()) {
            throw new ConfigurationException(CLUSTER_MEMBERS,
                    "is required with CLUSTER=true: list every instance's grid address, such as 10.0.0.11:6900,10.0.0.12:6900");
        }
        return new ClusterSettings(enabled, members, address, port, name, attachmentsDir(source));
    }

    /**
     * The options Payara Micro is started with: {@code --nocluster} when off; otherwise a static
     * TCP/IP member list, the interface and public address, the port and the cluster's name.
     */
    public List<String> payaraOptions() {
        if (!enabled) {
            return List.of("--nocluster");
        }
        return List.of("--clustermode", "tcpip:" + String.join(",", members),
                "--interfaces", address,
                "--hzpublicaddress", address,
                "--startport", Integer.toString(port),
                "--clustername", name);
    }

    private static Optional<String> value(Function<String, Optional<String>> source, String key) {
        return source.apply(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static String address(String value) {
        if (IPV4.matcher(value).matches() || isIpv6(value)) {
            return value;
        }
        throw new ConfigurationException(CLUSTER_ADDRESS,
                "must be the IP address of this machine's interface the instances reach each other on, such as 10.0.0.11, not '"
                        + shown(value) + "'");
    }

    private static boolean isIpv6(String value) {
        if (!value.contains(":") || !value.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(value) instanceof java.net.Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static List<String> members(String list) {
        List<String> members = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            String member = part.trim();
            int colon = member.lastIndexOf(':');
            String host = colon > 0 ? member.substring(0, colon) : "";
            String port = colon > 0 ? member.substring(colon + 1) : "";
            if (host.startsWith("[") && host.endsWith("]") && isIpv6(host.substring(1, host.length() - 1))) {
                // [IPv6]:port
            } else if (!HOST.matcher(host).matches() || host.matches("[0-9.-]+") && !IPV4.matcher(host).matches()) {
                // (a numeric host that is no IPv4 address: a range such as 10.0.0.11-12)
                throw badMember(member);
            }
            if (!port.matches("\\d{1,5}")) {
                throw badMember(member); // a range such as 6900-6902 lands here
            }
            Settings.port(CLUSTER_MEMBERS, port);
            members.add(host.toLowerCase(Locale.ROOT) + ":" + Integer.parseInt(port));
        }
        return List.copyOf(members);
    }

    private static ConfigurationException badMember(String member) {
        return new ConfigurationException(CLUSTER_MEMBERS,
                "must list members as host:port separated by commas (one port each, no ranges), such as "
                        + "10.0.0.11:6900,10.0.0.12:6900; '" + shown(member) + "' is not one");
    }

    private static Path attachmentsDir(Function<String, Optional<String>> source) {
        Optional<String> configured = value(source, ATTACHMENTS_DIR);
        if (configured.isPresent()) {
            try {
                return Path.of(configured.get());
            } catch (InvalidPathException e) {
                throw new ConfigurationException(ATTACHMENTS_DIR, "is not a usable path: '" + shown(configured.get()) + "'");
            }
        }
        return value(source, Settings.DATA_DIR).map(dir -> Path.of(dir).resolve("attachments")).orElse(Path.of("data", "attachments"));
    }

    private static String shown(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
    }
}
