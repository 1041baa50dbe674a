package io.mqttharness.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.spec.capability.CapabilityProfile;
import io.mqttharness.spec.capability.EnhancedAuthProfile;
import io.mqttharness.spec.client.MqttTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enhanced-authentication and ACL scenarios judge the broker, not the profile: they pass with the right
 * credentials, fail when the profile's SCRAM password is wrong, and are NOT_APPLICABLE without the capability.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialScenariosTest {
    private MqttBroker broker;

    @BeforeAll
    void start(@TempDir Path dir) {
        broker = SecuredReferenceBroker.start(dir);
    }

    @AfterAll
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void scram_scenarios_pass_with_the_right_credentials() throws InterruptedException {
        Map<String, ScenarioResult> results = run(SecuredReferenceBroker.profile(), "auth-scram-*", "auth-reauth-*",
                "acl-*");
        assertThat(results.keySet()).containsExactlyInAnyOrder("auth-scram-success", "auth-scram-wrong-proof",
                "auth-scram-maximum-packet-size", "auth-reauth-failure", "acl-publish-denied-topic",
                "acl-pubrec-error-packet-id-new");
        results.values().forEach(r -> assertThat(r.verdict()).as(r.displayName() + ": " + r.message() + "\n"
                + r.renderTrace()).isEqualTo(Verdict.PASSED));
        assertThat(results.get("auth-scram-success").renderTrace()).contains("AUTH", "matched CONNACK");
    }

    @Test
    void scram_success_fails_when_the_broker_does_not_accept_the_proof() throws InterruptedException {
        CapabilityProfile wrong = new CapabilityProfile(Map.of(), SecuredReferenceBroker.USER,
                SecuredReferenceBroker.PASSWORD, new EnhancedAuthProfile(EnhancedAuthProfile.SCRAM_SHA_256,
                        SecuredReferenceBroker.SCRAM_USER, "not-the-password"), null, null);
        ScenarioResult r = run(wrong, "auth-scram-success").get("auth-scram-success");
        assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(r.message()).contains("CONNACK");
    }

    @Test
    void credential_scenarios_are_not_applicable_without_the_profile_capabilities() throws InterruptedException {
        CapabilityProfile plain = new CapabilityProfile(Map.of(), SecuredReferenceBroker.USER,
                SecuredReferenceBroker.PASSWORD);
        Map<String, ScenarioResult> results = run(plain, "auth-scram-*", "auth-reauth-*", "acl-*");
        assertThat(results).hasSize(6);
        results.values().forEach(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(r.message()).containsAnyOf("'enhanced-auth'", "'acl'");
        });
    }

    private Map<String, ScenarioResult> run(CapabilityProfile profile, String... only) throws InterruptedException {
        CertificationRequest.Builder request = CertificationRequest.builder(MqttTarget.tcp("127.0.0.1",
                broker.port())).profile(profile).parallelism(4);
        List.of(only).forEach(request::only);
        return new CertificationRunner().run(request.build()).scenarios().stream()
                .collect(Collectors.toMap(ScenarioResult::scenarioId, Function.identity()));
    }
}
