package io.mqttharness.broker.security;

import static io.mqttharness.broker.security.MosquittoProcess.MOSQUITTO_PASSWD;
import static io.mqttharness.broker.security.MosquittoProcess.MOSQUITTO_PUB;
import static io.mqttharness.broker.security.MosquittoProcess.assumeInstalled;
import static io.mqttharness.broker.security.MosquittoProcess.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks {@link PasswordFile} with the real mosquitto tools when they are installed: files written by
 * mosquitto_passwd verify here, and entries written here let a client into a real mosquitto broker.
 */
class MosquittoPasswdCompatibilityTest {

    @TempDir
    Path dir;

    @Test
    void file_created_by_mosquitto_passwd_verifies() throws Exception {
        assumeInstalled(MOSQUITTO_PASSWD);
        Path file = dir.resolve("pwfile");

        assertThat(run(List.of(MOSQUITTO_PASSWD.toString(), "-c", "-b", file.toString(), "user", "pass"))).isZero();
        assertThat(run(List.of(MOSQUITTO_PASSWD.toString(), "-b", file.toString(), "other", "ünïcødé pass")))
                .isZero();

        PasswordFile passwords = PasswordFile.load(file);
        assertThat(passwords.verify("user", "pass".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(passwords.verify("user", "wrong".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(passwords.verify("other", "ünïcødé pass".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void sha512_file_created_by_mosquitto_passwd_verifies() throws Exception {
        assumeInstalled(MOSQUITTO_PASSWD);
        Path file = dir.resolve("pwfile");

        assertThat(run(List.of(MOSQUITTO_PASSWD.toString(), "-H", "sha512", "-c", "-b", file.toString(), "old",
                "legacy"))).isZero();

        assertThat(Files.readString(file)).startsWith("old:$6$");
        assertThat(PasswordFile.load(file).verify("old", "legacy".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void entry_written_by_hash_entry_is_accepted_by_mosquitto() throws Exception {
        assumeInstalled(MOSQUITTO_PUB);
        Path pwfile = Files.writeString(dir.resolve("pwfile"), PasswordFile.hashEntry("harness", "s3cret") + "\n");

        try (MosquittoProcess mosquitto = MosquittoProcess.start(dir,
                "allow_anonymous false\npassword_file " + pwfile + "\n")) {
            List<String> publish = List.of(MOSQUITTO_PUB.toString(), "-h", "127.0.0.1", "-p",
                    Integer.toString(mosquitto.port), "-t", "t", "-m", "x", "-u", "harness", "-P");

            assertThat(run(with(publish, "s3cret"))).as("mosquitto_pub with the right password").isZero();
            assertThat(run(with(publish, "s3cre7"))).as("mosquitto_pub with a wrong password: not authorised")
                    .isEqualTo(5);
        }
    }

    private static List<String> with(List<String> command, String last) {
        return java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of(last)).toList();
    }
}
