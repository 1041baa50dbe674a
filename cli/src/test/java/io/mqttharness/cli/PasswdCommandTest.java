package io.mqttharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.mqttharness.broker.security.PasswordFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswdCommandTest {

    /** A line as mosquitto_passwd 2.0 writes it (password "secret"). */
    private static final String MOSQUITTO_LINE =
            "dave:$7$101$MrsLPFq4HJs4zTik$mXUoQ+s9QqKauNDyyetq1uEkdaJb1QF8YYqUekYN6XRsbVg0Ci1idrsmJ7IanPUx7FEPBuSAGgm21MRwEUCQAg==";

    @TempDir
    Path dir;

    @Test
    void batch_create_writes_a_verifiable_entry_readable_by_the_owner_only() throws Exception {
        Path file = dir.resolve("passwords");

        CliRun run = CliRun.run("passwd", "-c", "-b", file.toString(), "alice", "wonderland");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("added user 'alice'");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("alice:$7$101$");
        PasswordFile parsed = PasswordFile.load(file);
        assertThat(parsed.verify("alice", bytes("wonderland"))).isTrue();
        assertThat(parsed.verify("alice", bytes("Wonderland"))).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void update_replaces_the_user_and_keeps_other_lines_unchanged() throws Exception {
        Path file = dir.resolve("passwords");
        Files.write(file, List.of("# users of the test broker", MOSQUITTO_LINE, "alice:$7$101$old$old"));

        CliRun run = CliRun.run("passwd", "-b", file.toString(), "alice", "new-secret");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out).contains("updated password of user 'alice'");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.subList(0, 2)).containsExactly("# users of the test broker", MOSQUITTO_LINE);
        PasswordFile parsed = PasswordFile.load(file);
        assertThat(parsed.verify("alice", bytes("new-secret"))).isTrue();
        assertThat(parsed.verify("dave", bytes("secret"))).isTrue();
    }

    @Test
    void adding_a_user_appends_it() throws Exception {
        Path file = dir.resolve("passwords");
        Files.write(file, List.of(MOSQUITTO_LINE));

        CliRun run = CliRun.run("passwd", "-b", file.toString(), "erin", "pw");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo(MOSQUITTO_LINE);
        assertThat(PasswordFile.load(file).users()).containsExactlyInAnyOrder("dave", "erin");
    }

    @Test
    void create_replaces_an_existing_file() throws Exception {
        Path file = dir.resolve("passwords");
        Files.write(file, List.of(MOSQUITTO_LINE));

        CliRun run = CliRun.run("passwd", "-c", "-b", file.toString(), "erin", "pw");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(PasswordFile.load(file).users()).containsExactly("erin");
    }

    @Test
    void update_of_a_missing_file_fails_with_a_hint_to_use_c() {
        Path file = dir.resolve("missing");

        CliRun run = CliRun.run("passwd", "-b", file.toString(), "alice", "pw");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.err).isEqualTo("error: password file not found: " + file + " (use -c to create it)"
                + System.lineSeparator());
        assertThat(file).doesNotExist();
    }

    @Test
    void batch_without_password_is_a_usage_error() {
        CliRun run = CliRun.run("passwd", "-b", dir.resolve("p").toString(), "alice");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("Missing PASSWORD").contains("Usage: mqtt-harness passwd");
    }

    @Test
    void password_argument_without_batch_is_a_usage_error() {
        CliRun run = CliRun.run("passwd", "-c", dir.resolve("p").toString(), "alice", "pw");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("needs -b");
        assertThat(dir.resolve("p")).doesNotExist();
    }

    @Test
    void user_with_colon_is_a_usage_error() {
        CliRun run = CliRun.run("passwd", "-c", "-b", dir.resolve("p").toString(), "ali:ce", "pw");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("must not contain ':'");
    }

    @Test
    void missing_user_is_a_usage_error() {
        CliRun run = CliRun.run("passwd", "-c", dir.resolve("p").toString());

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("Missing required parameter").contains("USER");
    }

    @Test
    void interactive_mode_asks_twice_and_stores_the_password() throws Exception {
        Path file = dir.resolve("passwords");
        List<String> prompts = new ArrayList<>();
        Deque<String> answers = new ArrayDeque<>(List.of("typed-pw", "typed-pw"));
        CliEnvironment env = CliRun.testEnvironment(new CountDownLatch(0), prompt -> {
            prompts.add(prompt);
            return answers.pop().toCharArray();
        });

        CliRun run = CliRun.run(env, "passwd", "-c", file.toString(), "alice");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(prompts).containsExactly("Password: ", "Reenter password: ");
        assertThat(PasswordFile.load(file).verify("alice", bytes("typed-pw"))).isTrue();
    }

    @Test
    void interactive_mode_with_different_passwords_fails_and_writes_nothing() {
        Path file = dir.resolve("passwords");
        Deque<String> answers = new ArrayDeque<>(List.of("one", "two"));
        CliEnvironment env = CliRun.testEnvironment(new CountDownLatch(0), prompt -> answers.pop().toCharArray());

        CliRun run = CliRun.run(env, "passwd", "-c", file.toString(), "alice");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.err).isEqualTo("error: passwords do not match" + System.lineSeparator());
        assertThat(file).doesNotExist();
    }

    @Test
    void empty_password_is_rejected() {
        Path file = dir.resolve("passwords");
        CliEnvironment env = CliRun.testEnvironment(new CountDownLatch(0), prompt -> new char[0]);

        CliRun run = CliRun.run(env, "passwd", "-c", file.toString(), "alice");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err).contains("empty password");
        assertThat(file).doesNotExist();
    }

    @Test
    void console_prompt_without_a_terminal_explains_how_to_pass_the_password() {
        assumeThat(System.console()).as("only meaningful when the test JVM has no terminal").isNull();
        Path file = dir.resolve("passwords");

        CliRun run = CliRun.run(new CliEnvironment(), "passwd", "-c", file.toString(), "alice");

        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.err).startsWith("error: no console to read the password from").contains("-b");
        assertThat(file).doesNotExist();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
