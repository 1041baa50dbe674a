package io.mqttharness.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkipReasonsTest {

    @Test
    void unknown_broker_name_lists_the_known_ones() {
        assertThatThrownBy(() -> BrokerLaunchers.forName("rabbit", LaunchProfile.PERFORMANCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown broker 'rabbit'")
                .hasMessageContaining("reference, mosquitto, hivemq-ce, moquette, container:IMAGE");
    }

    @Test
    void known_names_give_their_launchers() {
        assertThat(BrokerLaunchers.NAMES).allSatisfy(n ->
                assertThat(BrokerLaunchers.forName(n, LaunchProfile.PERFORMANCE).name()).isEqualTo(n));
        assertThat(BrokerLaunchers.forName("container:emqx/emqx:5.8", LaunchProfile.PERFORMANCE))
                .isInstanceOf(ContainerBroker.class).extracting(BrokerLauncher::name)
                .isEqualTo("container:emqx/emqx:5.8");
    }

    @Test
    void container_without_an_image_is_rejected() {
        assertThatThrownBy(() -> BrokerLaunchers.forName("container:", LaunchProfile.PERFORMANCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an image");
    }

    @Test
    void missing_mosquitto_binary_is_unavailable_with_the_places_searched() {
        MosquittoBroker launcher = new MosquittoBroker(List.of("/nonexistent/sbin/mosquitto"), false);
        assertThatThrownBy(launcher::start).isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("mosquitto is not installed")
                .hasMessageContaining("/nonexistent/sbin/mosquitto")
                .hasMessageContaining("apt-get install mosquitto");
    }

    @Test
    void container_without_docker_engine_is_unavailable() {
        ContainerBroker launcher = new ContainerBroker("emqx/emqx:5.8", () -> false);
        assertThatThrownBy(launcher::start).isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("no Docker engine").hasMessageContaining("emqx/emqx:5.8");
    }

    @Test
    void container_detection_of_this_machine_decides_availability() {
        // the real Testcontainers detection: this machine has no Docker engine, a CI machine may have one
        boolean docker = org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        org.junit.jupiter.api.Assumptions.assumeFalse(docker, "a Docker engine is available here");
        assertThatThrownBy(new ContainerBroker("emqx/nanomq")::start)
                .isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("no Docker engine");
    }
}
