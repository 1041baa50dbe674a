package io.mqttharness.broker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.broker.config.BrokerConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileTest {

    /** Written by mosquitto_passwd 2.0.11: {@code -b pw alice secret}, {@code -b pw bob 'p@ss:w0rd'}. */
    private static final String MOSQUITTO_2_FILE = """
            alice:$7$101$LrUF3yUIS1XNOyIl$iyOGOsNZJFPLTdIMQwon037RbkKmnTh9/e87THJ9AgJtxyVRiR+/dAIGiGaOpSUD1myPJaMyjXwfARb02etu8A==
            bob:$7$101$TXcxD+lEZWUNuO3T$bcb/ug9o3p4N5jdcKu+bFU3pQDfmC1jnKMu4e35RAkPNgxvCraeMLcFYykaXChZrciMzg/SoNS0vUOLTbEjO+Q==
            """;
    /** mosquitto_passwd 2.0.11 {@code -H sha512 ... carol hunter2} (the mosquitto 1.x form). */
    private static final String SHA512_ENTRY =
            "carol:$6$OcPrHuwjYQaUw2/M$OBZLXwt6GJt2EzEsbOBQUoiievXSJRP1SO9xqYk/edgCVmDipwmPb2o9dGiiTr74mkzTVQg87MKu4dLE28HQrQ==";
    /** mosquitto_passwd 2.0.11 {@code -I 5 ... dave x}: a non-default iteration count. */
    private static final String FIVE_ITERATIONS_ENTRY =
            "dave:$7$5$KRurVPRiiuInUE5Z$dvpTw2aA1Oi8tUAzBPGvJ2ccXIpjxj009eSOGMwCxwxO5R67GRQp5s6ucuYp0F+ATnWeLHrx8tkkA8x9oKi2WA==";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void verifies_pbkdf2_entries_written_by_mosquitto_passwd() {
        PasswordFile file = PasswordFile.parse(MOSQUITTO_2_FILE, "pwfile");

        assertThat(file.verify("alice", utf8("secret"))).isTrue();
        assertThat(file.verify("bob", utf8("p@ss:w0rd"))).isTrue();
        assertThat(file.verify("alice", utf8("Secret"))).isFalse();
        assertThat(file.verify("bob", utf8("secret"))).isFalse();
    }

    @Test
    void verifies_mosquitto_1_sha512_entries() {
        PasswordFile file = PasswordFile.parse(SHA512_ENTRY, "pwfile");

        assertThat(file.verify("carol", utf8("hunter2"))).isTrue();
        assertThat(file.verify("carol", utf8("hunter3"))).isFalse();
    }

    @Test
    void honours_the_iteration_count_of_the_entry() {
        PasswordFile file = PasswordFile.parse(FIVE_ITERATIONS_ENTRY, "pwfile");

        assertThat(file.verify("dave", utf8("x"))).isTrue();
        assertThat(file.verify("dave", utf8("y"))).isFalse();
    }

    @Test
    void unknown_user_and_null_user_are_rejected() {
        PasswordFile file = PasswordFile.parse(MOSQUITTO_2_FILE, "pwfile");

        assertThat(file.verify("mallory", utf8("secret"))).isFalse();
        assertThat(file.verify(null, utf8("secret"))).isFalse();
        assertThat(file.contains("alice")).isTrue();
        assertThat(file.users()).containsExactlyInAnyOrder("alice", "bob");
    }

    @Test
    void hash_entry_has_mosquitto_2_default_format() {
        String entry = PasswordFile.hashEntry("erin", "pa55");

        assertThat(entry).matches("erin:\\$7\\$101\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+");
        String[] parts = entry.split("\\$");
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(12);
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(64);
    }

    @Test
    void hash_entry_round_trips_through_verify_and_uses_a_fresh_salt() {
        String first = PasswordFile.hashEntry("erin", "pa55");
        String second = PasswordFile.hashEntry("erin", "pa55");
        PasswordFile file = PasswordFile.parse(first + "\n", "pwfile");

        assertThat(first).isNotEqualTo(second);
        assertThat(file.verify("erin", utf8("pa55"))).isTrue();
        assertThat(file.verify("erin", utf8("pa56"))).isFalse();
    }

    @Test
    void empty_password_is_a_valid_password() {
        PasswordFile file = PasswordFile.parse(PasswordFile.hashEntry("empty", ""), "pwfile");

        assertThat(file.verify("empty", new byte[0])).isTrue();
        assertThat(file.verify("empty", utf8(" "))).isFalse();
    }

    @Test
    void non_utf8_password_bytes_are_compared_as_bytes() {
        byte[] password = {(byte) 0xff, 0x00, (byte) 0x80};
        byte[] salt = "0123456789ab".getBytes(StandardCharsets.US_ASCII);
        MessageDigest sha = Pbkdf2.digest("SHA-512");
        sha.update(password);
        sha.update(salt);
        String entry = "bin:$6$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(sha.digest());

        PasswordFile file = PasswordFile.parse(entry, "pwfile");

        assertThat(file.verify("bin", password)).isTrue();
        assertThat(file.verify("bin", new byte[] {(byte) 0xff, 0x00})).isFalse();
    }

    @Test
    void comments_and_blank_lines_are_skipped() {
        PasswordFile file = PasswordFile.parse("# users\n\n" + SHA512_ENTRY + "\r\n\n", "pwfile");

        assertThat(file.users()).containsExactly("carol");
    }

    @Test
    void plain_text_password_is_an_error_with_line_number() {
        assertThatThrownBy(() -> PasswordFile.parse(SHA512_ENTRY + "\nplain:secret\n", "pwfile"))
                .isInstanceOf(BrokerConfigException.class)
                .hasMessageStartingWith("pwfile:2: invalid password hash for user 'plain'");
    }

    @Test
    void line_without_colon_is_an_error_with_line_number() {
        assertThatThrownBy(() -> PasswordFile.parse("# x\nalice\n", "pwfile"))
                .isInstanceOf(BrokerConfigException.class)
                .hasMessage("pwfile:2: expected 'user:hash' as mosquitto_passwd writes it");
    }

    @Test
    void bad_base64_or_iterations_are_errors() {
        assertThatThrownBy(() -> PasswordFile.parse("a:$7$x$AAAA$AAAA\n", "pwfile"))
                .hasMessageStartingWith("pwfile:1: invalid password hash for user 'a'");
        assertThatThrownBy(() -> PasswordFile.parse("a:$7$101$!!!$AAAA\n", "pwfile"))
                .hasMessageStartingWith("pwfile:1: invalid password hash for user 'a'");
        assertThatThrownBy(() -> PasswordFile.parse("a:$6$AAAA$AAAA\n", "pwfile"))
                .hasMessageStartingWith("pwfile:1: invalid password hash for user 'a'");
    }

    @Test
    void duplicate_user_is_an_error() {
        assertThatThrownBy(() -> PasswordFile.parse(SHA512_ENTRY + "\n" + SHA512_ENTRY + "\n", "pwfile"))
                .hasMessage("pwfile:2: duplicate user 'carol'");
    }

    @Test
    void load_reports_a_missing_file() {
        assertThatThrownBy(() -> PasswordFile.load(Path.of("/no/such/pwfile")))
                .isInstanceOf(BrokerConfigException.class)
                .hasMessageStartingWith("/no/such/pwfile: cannot read password file");
    }

    @Test
    void load_reads_a_file(@TempDir Path dir) throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), PasswordFile.hashEntry("u", "p") + "\n");

        assertThat(PasswordFile.load(pw).verify("u", utf8("p"))).isTrue();
    }

    @Test
    void hash_entry_rejects_user_names_the_format_cannot_hold() {
        assertThatThrownBy(() -> PasswordFile.hashEntry("a:b", "p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordFile.hashEntry("", "p")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pbkdf2_matches_rfc_7914_sha256_vector() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1, dkLen=64)
        byte[] dk = Pbkdf2.derive("SHA-256", utf8("passwd"), utf8("salt"), 1, 64);

        assertThat(java.util.HexFormat.of().formatHex(dk)).isEqualTo(
                "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                        + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    }
}
