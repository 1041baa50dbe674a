package io.mqttharness.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.spec.capability.CapabilityProfile;
import io.mqttharness.spec.client.MqttTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every built-in scenario against the reference broker, one dynamic test per scenario and version. The whole
 * certification runs once (in parallel, as users run it); each dynamic test then reports one result: FAILED and
 * ERROR fail the test with the failed expectation and the trace, NOT_APPLICABLE aborts it with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceBrokerScenariosTest {
    /** Scenarios that need credentials, enhanced authentication or an ACL: run on the secured broker too. */
    private static final List<String> SECURED = List.of("auth-*", "acl-*");

    private MqttBroker broker;
    private CertificationRun run;
    private MqttBroker securedBroker;
    private CertificationRun securedRun;

    @BeforeAll
    void certifyReferenceBroker() throws InterruptedException {
        broker = MqttBroker.startLoopback();
        CapabilityProfile profile = new CapabilityProfile(Map.of("sys-topics", true), null, null);
        CertificationRequest.Builder request = CertificationRequest.builder(MqttTarget.tcp("127.0.0.1", broker.port()))
                .profile(profile).parallelism(8);
        // -Dmqttharness.only=topic-alias-*,MQTT-3.3.2-* runs a subset while writing scenarios
        for (String pattern : System.getProperty("mqttharness.only", "").split(",")) {
            if (!pattern.isBlank()) {
                request.only(pattern.trim());
            }
        }
        run = new CertificationRunner().run(request.build());
    }

    @BeforeAll
    void certifySecuredReferenceBroker(@TempDir Path dir) throws InterruptedException {
        securedBroker = SecuredReferenceBroker.start(dir);
        CertificationRequest.Builder request = CertificationRequest.builder(
                MqttTarget.tcp("127.0.0.1", securedBroker.port())).profile(SecuredReferenceBroker.profile())
                .parallelism(4);
        SECURED.forEach(request::only);
        securedRun = new CertificationRunner().run(request.build());
    }

    @AfterAll
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
        if (securedBroker != null) {
            securedBroker.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_credential_scenario_passes_on_the_secured_reference_broker() {
        assertThat(securedRun.scenarios()).as("secured scenario results")
                .anySatisfy(r -> assertThat(r.scenarioId()).isEqualTo("auth-scram-success"));
        return securedRun.scenarios().stream().map(r -> DynamicTest.dynamicTest("secured " + name(r), () -> check(r)));
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_passes_on_the_reference_broker() {
        assertThat(run.scenarios()).as("scenario results").isNotEmpty();
        return run.scenarios().stream().map(r -> DynamicTest.dynamicTest(name(r), () -> check(r)));
    }

    private static String name(ScenarioResult r) {
        return r.displayName() + " " + String.join(" ", r.statements());
    }

    private static void check(ScenarioResult r) {
        switch (r.verdict()) {
            case PASSED -> { }
            case OBSERVATION -> System.out.println(r.displayName() + " observations: " + r.observations());
            case NOT_APPLICABLE -> Assumptions.abort(r.message());
            default -> fail(r.verdict() + " " + r.displayName() + " (" + r.source() + "): " + r.message()
                    + "\ntrace:\n" + r.renderTrace());
        }
    }

    static List<ScenarioResult> results(CertificationRun run) {
        return run.scenarios();
    }
}
