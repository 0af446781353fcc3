package org.duhbalkana.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CLUSTER and its keys, and ATTACHMENTS_DIR: defaults, Payara Micro's options, one line naming a bad key. */
class ClusterSettingsTest {

    private static ClusterSettings read(Map<String, String> values) {
        return ClusterSettings.read(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void offByDefaultPayaraMicroIsStartedWithoutAGrid() {
        ClusterSettings off = read(Map.of("DATA_DIR", "/srv/duh"));
        assertThat(off.enabled()).isFalse();
        assertThat(off.payaraOptions()).containsExactly("--nocluster");
        assertThat(off.attachmentsDir()).isEqualTo(Path.of("/srv/duh/attachments"));
        assertThat(Settings.KEYS).containsAll(ClusterSettings.KEYS);
    }

    @Test
    void onAStaticMemberListOnTheConfiguredInterfaceNeverMulticast() {
        ClusterSettings on = read(Map.of("CLUSTER", "true", "CLUSTER_MEMBERS", " 127.0.0.1:6930, 127.0.0.1:6931 ",
                "CLUSTER_PORT", "6931", "CLUSTER_NAME", "test-grid", "ATTACHMENTS_DIR", "/mnt/shared/attachments"));
        assertThat(on.payaraOptions()).containsExactly("--clustermode", "tcpip:127.0.0.1:6930,127.0.0.1:6931",
                "--interfaces", "127.0.0.1", "--hzpublicaddress", "127.0.0.1", "--startport", "6931", "--clustername", "test-grid");
        assertThat(on.attachmentsDir()).isEqualTo(Path.of("/mnt/shared/attachments"));

        ClusterSettings defaults = read(Map.of("CLUSTER", "on", "CLUSTER_MEMBERS", "site-1:6900,site-2.internal:6900",
                "CLUSTER_ADDRESS", "10.0.0.11"));
        assertThat(defaults.members()).containsExactly("site-1:6900", "site-2.internal:6900");
        assertThat(defaults.payaraOptions()).containsSubsequence("--interfaces", "10.0.0.11", "--startport", "6900",
                "--clustername", "duhbalkana");
        assertThat(defaults.payaraOptions()).doesNotContain("--nocluster");
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> read(Map.of("CLUSTER", "true"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("CLUSTER_MEMBERS").hasMessageContaining("required");
        Map<String, List<String>> bad = Map.of(
                "CLUSTER", List.of("maybe"),
                "CLUSTER_MEMBERS", List.of("127.0.0.1:6900-6902", "127.0.0.1-3:6900", "127.0.0.1", "host:", "a b:6900",
                        "127.0.0.1:70000", "127.0.0.1:6900,,127.0.0.1:6901"),
                "CLUSTER_ADDRESS", List.of("localhost", "10.0.0.300", "10.0.0.*", "eth0"),
                "CLUSTER_PORT", List.of("0", "port"),
                "CLUSTER_NAME", List.of("two words", "-x", "a/b"));
        bad.forEach((key, values) -> values.forEach(value -> assertThatThrownBy(() -> read(Map.of(key, value)))
                .as(key + "=" + value).isInstanceOf(ConfigurationException.class).hasMessageContaining(key)));
    }
}
