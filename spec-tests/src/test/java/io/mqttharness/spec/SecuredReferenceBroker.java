package io.mqttharness.spec;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.config.BrokerConfig;
import io.mqttharness.broker.config.ListenerConfig;
import io.mqttharness.broker.security.PasswordFile;
import io.mqttharness.broker.security.ScramCredentials;
import io.mqttharness.spec.capability.CapabilityProfile;
import io.mqttharness.spec.capability.EnhancedAuthProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A reference broker that checks credentials: a password file (user {@value #USER}), SCRAM-SHA-256 credentials
 * (user {@value #SCRAM_USER}) and an ACL denying {@value #DENIED_TOPIC} to both; anonymous clients are refused.
 * {@link #profile()} states all of it, so the credential, enhanced-authentication and ACL scenarios run.
 */
final class SecuredReferenceBroker {
    static final String USER = "harness";
    static final String PASSWORD = "harness-secret";
    static final String SCRAM_USER = "scram-user";
    static final String SCRAM_PASSWORD = "scram-secret";
    static final String DENIED_TOPIC = "mqtt-harness-denied/secret";

    private SecuredReferenceBroker() {
    }

    /** Starts the broker on 127.0.0.1 with an ephemeral port, its files in {@code dir}. */
    static MqttBroker start(Path dir) {
        try {
            Path passwords = Files.writeString(dir.resolve("passwords"), PasswordFile.hashEntry(USER, PASSWORD) + "\n");
            Path scram = Files.writeString(dir.resolve("scram"),
                    ScramCredentials.hashEntry(SCRAM_USER, SCRAM_PASSWORD) + "\n");
            Path acl = Files.writeString(dir.resolve("acl"), String.join("\n",
                    "user " + USER,
                    "topic deny mqtt-harness-denied/#",
                    "topic readwrite #",
                    "topic read $SYS/#",
                    "user " + SCRAM_USER,
                    "topic deny mqtt-harness-denied/#",
                    "topic readwrite #",
                    ""));
            return MqttBroker.start(BrokerConfig.builder()
                    .listener(ListenerConfig.mqtt("127.0.0.1", 0))
                    .allowAnonymous(false)
                    .passwordFile(passwords)
                    .scramPasswordFile(scram)
                    .aclFile(acl)
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A profile with every credential the broker knows. */
    static CapabilityProfile profile() {
        return new CapabilityProfile(Map.of("credentials", true), USER, PASSWORD,
                new EnhancedAuthProfile(EnhancedAuthProfile.SCRAM_SHA_256, SCRAM_USER, SCRAM_PASSWORD), DENIED_TOPIC,
                null);
    }
}
