package io.mqttharness.spec.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.client.MqttTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapabilityProfileCredentialsTest {

    @Test
    void load_reads_enhanced_auth_denied_topic_and_tls_relative_to_the_file(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("profile.yaml"), """
                username: u
                password: p
                enhanced_auth: {method: SCRAM-SHA-256, username: su, password: sp}
                denied_topic: private/x
                tls: {ca_file: certs/ca.pem, client_cert: c.pem, client_key: c.key}
                """);
        CapabilityProfile p = CapabilityProfile.load(file);
        assertThat(p.enhancedAuth()).isEqualTo(new EnhancedAuthProfile("SCRAM-SHA-256", "su", "sp"));
        assertThat(p.deniedTopic()).isEqualTo("private/x");
        assertThat(p.tls().caFile()).isEqualTo(dir.toAbsolutePath().resolve("certs/ca.pem"));
        assertThat(p.tls().insecure()).isFalse();
        assertThat(p.tls().clientKeyFile()).isEqualTo(dir.toAbsolutePath().resolve("c.key"));
        assertThat(p.toString()).doesNotContain("sp").doesNotContain("password=p");
    }

    @Test
    void parse_rejects_incomplete_enhanced_auth_and_unknown_tls_keys() {
        assertThatThrownBy(() -> CapabilityProfile.parse("enhanced_auth: {method: SCRAM-SHA-256}", "p.yaml"))
                .hasMessageContaining("p.yaml").hasMessageContaining("needs method, username and password");
        assertThatThrownBy(() -> CapabilityProfile.parse("tls: {cafile: x}", "p.yaml"))
                .hasMessageContaining("unknown key 'cafile'");
        assertThatThrownBy(() -> CapabilityProfile.parse("denied_topic: 'a/#'", "p.yaml"))
                .hasMessageContaining("without wildcards");
    }

    @Test
    void capabilities_come_from_the_profile_and_the_target_transport() {
        CapabilityProfile p = CapabilityProfile.parse("""
                enhanced_auth: {method: SCRAM-SHA-256, username: su, password: sp}
                denied_topic: private/x
                """, "p");
        BrokerCapabilities ws = CapabilityProbe.capabilities(MqttVersion.MQTT_5, null, null, p,
                MqttTarget.Transport.WEBSOCKET);
        assertThat(ws.has(Capability.ENHANCED_AUTH)).isTrue();
        assertThat(ws.has(Capability.ACL)).isTrue();
        assertThat(ws.has(Capability.WEBSOCKET)).isTrue();
        BrokerCapabilities tcp = CapabilityProbe.capabilities(MqttVersion.MQTT_5, null, null,
                CapabilityProfile.parse("enhanced_auth: {method: OTHER, username: a, password: b}", "p"));
        assertThat(tcp.has(Capability.ENHANCED_AUTH)).as("only SCRAM-SHA-256 can be scripted").isFalse();
        assertThat(tcp.has(Capability.ACL)).isFalse();
        assertThat(tcp.has(Capability.WEBSOCKET)).isFalse();
    }
}
