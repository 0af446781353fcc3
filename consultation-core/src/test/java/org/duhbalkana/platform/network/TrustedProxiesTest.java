package org.duhbalkana.platform.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duhbalkana.platform.config.ConfigurationException;
import org.duhbalkana.platform.config.Settings;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private static final TrustedProxies PROXIES = TrustedProxies.parse("TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8, fd00::/8");

    private static TrustedProxies.Client xff(String remote, String... forwardedFor) {
        return PROXIES.client(remote, List.of(), List.of(forwardedFor), List.of());
    }

    @Test
    void aRequestFromAnUntrustedAddressIsTakenAtItsAddressWhateverItsHeadersSay() {
        TrustedProxies.Client client = PROXIES.client("203.0.113.9", List.of("for=198.51.100.1;proto=https"),
                List.of("198.51.100.2"), List.of("https"));

        assertThat(client.address()).isEqualTo("203.0.113.9");
        assertThat(client.forwardedProto()).isEmpty();
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostUntrustedAddress() {
        // the client wrote 1.1.1.1 itself; nginx (127.0.0.1) appended the address it saw, 203.0.113.9
        assertThat(xff("127.0.0.1", "1.1.1.1, 203.0.113.9").address()).isEqualTo("203.0.113.9");
        // two proxies of ours: the load balancer 10.1.2.3 in front of nginx
        assertThat(xff("127.0.0.1", "1.1.1.1, 203.0.113.9, 10.1.2.3").address()).isEqualTo("203.0.113.9");
        // headers split over several lines count as one list
        assertThat(PROXIES.client("127.0.0.1", List.of(), List.of("1.1.1.1", "203.0.113.9"), List.of()).address())
                .isEqualTo("203.0.113.9");
    }

    @Test
    void anUnreadableHopStopsTheWalkAtTheLastProxyWeTrust() {
        assertThat(xff("127.0.0.1", "203.0.113.9, unknown").address()).isEqualTo("127.0.0.1");
        assertThat(xff("127.0.0.1", "203.0.113.9, example.org").address()).isEqualTo("127.0.0.1");
        assertThat(xff("127.0.0.1").address()).isEqualTo("127.0.0.1");
    }

    @Test
    void theStandardForwardedHeaderWinsWithPortsQuotesAndIpv6() {
        TrustedProxies.Client client = PROXIES.client("10.0.0.5",
                List.of("for=1.1.1.1;proto=http, for=\"[2001:db8:cafe::17]:4711\";proto=https;by=10.0.0.5"),
                List.of("9.9.9.9"), List.of("http"));

        assertThat(client.address()).isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(client.forwardedProto()).contains("https");
        assertThat(PROXIES.client("127.0.0.1", List.of("for=192.0.2.60:8080"), List.of(), List.of()).address())
                .isEqualTo("192.0.2.60");
    }

    @Test
    void theSchemeIsTheOneTheLastProxyWrote() {
        assertThat(PROXIES.client("127.0.0.1", List.of(), List.of("203.0.113.9"), List.of("http, https")).forwardedProto())
                .contains("https");
        assertThat(PROXIES.client("127.0.0.1", List.of(), List.of("203.0.113.9"), List.of("gopher")).forwardedProto())
                .isEmpty();
    }

    @Test
    void ipv6ClientsAreLimitedPerSlash64AndIpv4AsTheyAre() {
        assertThat(TrustedProxies.limitKey("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(TrustedProxies.limitKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isEqualTo(TrustedProxies.limitKey("2001:db8:1:2::9"));
        assertThat(TrustedProxies.limitKey("2001:db8:1:3::9")).isNotEqualTo(TrustedProxies.limitKey("2001:db8:1:2::9"));
        assertThat(TrustedProxies.limitKey("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(TrustedProxies.limitKey("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(xff("127.0.0.1", "[2001:db8:1:2::77]:5000").limitKey()).isEqualTo("2001:db8:1:2::/64");
    }

    @Test
    void rangesMatchOnTheirPrefixOnly() {
        TrustedProxies proxies = TrustedProxies.parse("K", "192.168.4.0/22, ::1");
        assertThat(proxies.trusts("192.168.7.255")).isTrue();
        assertThat(proxies.trusts("192.168.8.0")).isFalse();
        assertThat(proxies.trusts("::1")).isTrue();
        assertThat(proxies.trusts("::2")).isFalse();
        assertThat(proxies.trusts("localhost")).isFalse(); // names are never looked up
        assertThat(TrustedProxies.NONE.trusts("127.0.0.1")).isFalse();
    }

    @Test
    void aMalformedValueStopsStartUpNamingTheKey() {
        for (String bad : List.of("127.0.0.1/33", "10.0.0.0/x", "proxy.example.org", "300.1.1.1", "fd00::/129")) {
            Map<String, String> keys = Map.of("TRUSTED_PROXIES", bad);
            assertThatThrownBy(() -> TrustedProxies.read(key -> Optional.ofNullable(keys.get(key))))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("TRUSTED_PROXIES");
        }
        assertThat(TrustedProxies.read(key -> Optional.empty()).isEmpty()).isTrue();
        assertThat(Settings.KEYS).contains("TRUSTED_PROXIES");
    }
}
