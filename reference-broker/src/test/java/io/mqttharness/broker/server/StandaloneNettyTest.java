package io.mqttharness.broker.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetector.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StandaloneNettyTest {
    private Level levelBefore;
    private String propertyBefore;

    @BeforeEach
    void remember() {
        levelBefore = ResourceLeakDetector.getLevel();
        propertyBefore = System.getProperty(StandaloneNetty.LEAK_DETECTION_PROPERTY);
    }

    @AfterEach
    void restore() {
        ResourceLeakDetector.setLevel(levelBefore);
        if (propertyBefore == null) {
            System.clearProperty(StandaloneNetty.LEAK_DETECTION_PROPERTY);
        } else {
            System.setProperty(StandaloneNetty.LEAK_DETECTION_PROPERTY, propertyBefore);
        }
    }

    @Test
    void configure_turns_leak_detection_off_when_the_user_chose_no_level() {
        System.clearProperty(StandaloneNetty.LEAK_DETECTION_PROPERTY);
        ResourceLeakDetector.setLevel(Level.SIMPLE);

        StandaloneNetty.configure();

        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(Level.DISABLED);
    }

    @Test
    void configure_keeps_the_level_the_user_chose() {
        System.setProperty(StandaloneNetty.LEAK_DETECTION_PROPERTY, "paranoid");
        ResourceLeakDetector.setLevel(Level.PARANOID);

        StandaloneNetty.configure();

        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(Level.PARANOID);
    }
}
