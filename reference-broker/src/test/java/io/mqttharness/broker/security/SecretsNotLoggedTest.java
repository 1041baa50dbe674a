package io.mqttharness.broker.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import io.mqttharness.broker.testsupport.BrokerTestBase;
import io.mqttharness.broker.testsupport.TestMqttClient;
import io.mqttharness.codec.MqttHex;
import io.mqttharness.codec.MqttProperties;
import io.mqttharness.codec.MqttVersion;
import io.mqttharness.codec.packet.MqttAuth;
import io.mqttharness.codec.packet.MqttConnAck;
import io.mqttharness.codec.packet.MqttConnect;
import io.mqttharness.codec.reason.MqttAuthReasonCode;
import io.mqttharness.codec.reason.MqttConnectReasonCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Passwords, SCRAM exchanges and authentication data never reach the logs, not even at TRACE: every logger of the
 * JVM (broker, codec, Netty) is set to TRACE while clients log in with known secrets, successfully and not, over
 * MQTT 3.1.1 and 5 and SCRAM-SHA-256, and every formatted message, argument, exception and MDC value is searched
 * for the secrets as text, hex and base64.
 */
class SecretsNotLoggedTest extends BrokerTestBase {
    private static final String PASSWORD = "Canary-Passw0rd-4711";
    private static final String WRONG_PASSWORD = "Wrong-Canary-Secret-0815";
    private static final String SCRAM_PASSWORD = "Scram-Canary-Secret-2342";

    @TempDir
    Path dir;

    private final List<String> captured = new ArrayList<>();
    private final List<byte[]> sentAuthData = new ArrayList<>();
    private Level previousLevel;
    private AppenderBase<ILoggingEvent> appender;

    @BeforeEach
    void captureEverythingAtTrace() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        context.getLoggerList().forEach(l -> {
            if (l != root) {
                l.setLevel(null); // inherit TRACE, whatever logback-test.xml said
            }
        });
        appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                synchronized (captured) {
                    captured.add(render(event));
                }
            }
        };
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void restoreLogging() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        root.setLevel(previousLevel);
    }

    private static String render(ILoggingEvent event) {
        StringBuilder out = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            for (Object arg : event.getArgumentArray()) {
                out.append(" | ").append(arg instanceof byte[] b ? MqttHex.format(b) : String.valueOf(arg));
            }
        }
        for (Map.Entry<String, String> e : event.getMDCPropertyMap().entrySet()) {
            out.append(" | ").append(e.getKey()).append('=').append(e.getValue());
        }
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            out.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                out.append(' ').append(frame.getSTEAsString());
            }
        }
        return out.toString();
    }

    @Test
    void no_secret_appears_in_any_log_line_at_trace_level() throws IOException {
        Path passwords = Files.writeString(dir.resolve("passwd"), PasswordFile.hashEntry("alice", PASSWORD) + "\n");
        Path scram = Files.writeString(dir.resolve("scram"), ScramCredentials.hashEntry("carol", SCRAM_PASSWORD, 32)
                + "\n");
        startBroker(b -> b.passwordFile(passwords).scramPasswordFile(scram).allowAnonymous(false)
                .failedLoginDelayMillis(1));

        for (MqttVersion version : List.of(MqttVersion.MQTT_3_1_1, MqttVersion.MQTT_5)) {
            login(version, WRONG_PASSWORD, MqttConnectReasonCode.BAD_USER_NAME_OR_PASSWORD);
            login(version, PASSWORD, MqttConnectReasonCode.SUCCESS);
        }
        scram(SCRAM_PASSWORD, MqttConnectReasonCode.SUCCESS);
        scram(WRONG_PASSWORD, MqttConnectReasonCode.NOT_AUTHORIZED);
        broker.close();

        List<String> lines;
        synchronized (captured) {
            lines = List.copyOf(captured);
        }
        assertThat(lines).as("the broker logged at DEBUG/TRACE during the logins").isNotEmpty();
        List<String> secrets = new ArrayList<>();
        for (String s : List.of(PASSWORD, WRONG_PASSWORD, SCRAM_PASSWORD)) {
            secrets.addAll(forms(s.getBytes(StandardCharsets.UTF_8)));
        }
        for (byte[] data : sentAuthData) {
            secrets.addAll(forms(data));
        }
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line.toLowerCase()).as("log line").doesNotContain(secret.toLowerCase());
            }
        }
    }

    /** The ways a secret could show up: as text, hex (with and without spaces) and base64. */
    private static List<String> forms(byte[] secret) {
        String hex = MqttHex.format(secret);
        return List.of(new String(secret, StandardCharsets.UTF_8), hex, hex.replace(" ", ""),
                Base64.getEncoder().encodeToString(secret));
    }

    private void login(MqttVersion version, String password, MqttConnectReasonCode expected) {
        TestMqttClient c = client(version);
        MqttConnAck ack = c.connect(new MqttConnect(version, true, 60, "secret-" + System.nanoTime(),
                MqttProperties.EMPTY, null, "alice", password.getBytes(StandardCharsets.UTF_8)));
        assertThat(ack.reasonCode()).isEqualTo(expected);
        c.close();
    }

    private void scram(String password, MqttConnectReasonCode expected) {
        TestMqttClient c = client(MqttVersion.MQTT_5);
        ScramSha256Client client = new ScramSha256Client("carol", password);
        byte[] firstData = client.clientFirstMessage();
        c.send(new MqttConnect(MqttVersion.MQTT_5, true, 60, "scram-" + System.nanoTime(), auth(firstData), null,
                null, null));
        MqttAuth challenge = c.expect(MqttAuth.class);
        byte[] finalData = client.clientFinalMessage(challenge.properties().authenticationData());
        // the client-final message carries the proof: a password equivalent for this exchange
        sentAuthData.add(finalData);
        c.send(new MqttAuth(MqttAuthReasonCode.CONTINUE_AUTHENTICATION, auth(finalData)));
        assertThat(c.expect(MqttConnAck.class).reasonCode()).isEqualTo(expected);
        c.close();
    }

    private static MqttProperties auth(byte[] data) {
        return MqttProperties.builder().authenticationMethod(ScramSha256AuthMethod.NAME).authenticationData(data)
                .build();
    }
}
