package io.mqttharness.broker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqttharness.broker.config.BrokerConfigException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScramSha256Test {

    // RFC 7677 section 3 example exchange (user "user", password "pencil")
    private static final String RFC_CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String RFC_SERVER_NONCE_PART = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final String RFC_SALT = "W22ZaJ0SNY7soEsUEjb6gQ==";
    private static final String RFC_CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
    private static final String RFC_SERVER_FIRST =
            "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String RFC_CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String RFC_SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    private static ScramSha256AuthMethod rfcServer() {
        ScramCredentials user = ScramCredentials.derive("user", "pencil", Base64.getDecoder().decode(RFC_SALT), 4096);
        return new ScramSha256AuthMethod(Map.of("user", user), () -> RFC_SERVER_NONCE_PART);
    }

    private static ScramSha256AuthMethod server(String... userAndPassword) {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < userAndPassword.length; i += 2) {
            // a low iteration count keeps the test fast; the format is the same
            file.append(ScramCredentials.hashEntry(userAndPassword[i], userAndPassword[i + 1], 64)).append('\n');
        }
        return new ScramSha256AuthMethod(ScramCredentials.parseFile(file.toString(), "scram"));
    }

    @Test
    void client_reproduces_the_rfc_7677_example() {
        ScramSha256Client client = new ScramSha256Client("user", "pencil", RFC_CLIENT_NONCE);

        assertThat(text(client.clientFirstMessage())).isEqualTo(RFC_CLIENT_FIRST);
        assertThat(text(client.clientFinalMessage(utf8(RFC_SERVER_FIRST)))).isEqualTo(RFC_CLIENT_FINAL);
        client.verifyServerFinal(utf8(RFC_SERVER_FINAL));
    }

    @Test
    void server_reproduces_the_rfc_7677_example() {
        EnhancedAuthSession session = rfcServer().newSession("client-1");

        AuthStep first = session.step(utf8(RFC_CLIENT_FIRST));
        assertThat(first.outcome()).isEqualTo(AuthStep.Outcome.CONTINUE);
        assertThat(text(first.serverData())).isEqualTo(RFC_SERVER_FIRST);
        assertThat(session.authenticatedUsername()).isNull();

        AuthStep last = session.step(utf8(RFC_CLIENT_FINAL));
        assertThat(last.outcome()).isEqualTo(AuthStep.Outcome.SUCCESS);
        assertThat(text(last.serverData())).isEqualTo(RFC_SERVER_FINAL);
        assertThat(session.authenticatedUsername()).isEqualTo("user");
    }

    @Test
    void full_exchange_between_client_and_server_succeeds() {
        EnhancedAuthSession session = server("alice", "wonderland", "bob", "builder").newSession("c");
        ScramSha256Client client = new ScramSha256Client("alice", "wonderland");

        AuthStep first = session.step(client.clientFirstMessage());
        AuthStep last = session.step(client.clientFinalMessage(first.serverData()));

        assertThat(first.outcome()).isEqualTo(AuthStep.Outcome.CONTINUE);
        assertThat(last.outcome()).isEqualTo(AuthStep.Outcome.SUCCESS);
        client.verifyServerFinal(last.serverData());
        assertThat(session.authenticatedUsername()).isEqualTo("alice");
    }

    @Test
    void user_names_with_comma_and_equals_are_escaped_and_restored() {
        EnhancedAuthSession session = server("a,b=c", "pw").newSession("c");
        ScramSha256Client client = new ScramSha256Client("a,b=c", "pw");

        assertThat(text(client.clientFirstMessage())).contains("n=a=2Cb=3Dc,");
        AuthStep first = session.step(client.clientFirstMessage());
        AuthStep last = session.step(client.clientFinalMessage(first.serverData()));

        assertThat(last.outcome()).isEqualTo(AuthStep.Outcome.SUCCESS);
        assertThat(session.authenticatedUsername()).isEqualTo("a,b=c");
    }

    @Test
    void wrong_password_fails_with_invalid_proof() {
        EnhancedAuthSession session = server("alice", "wonderland").newSession("c");
        ScramSha256Client client = new ScramSha256Client("alice", "looking-glass");

        AuthStep first = session.step(client.clientFirstMessage());
        AuthStep last = session.step(client.clientFinalMessage(first.serverData()));

        assertThat(last.outcome()).isEqualTo(AuthStep.Outcome.FAILURE);
        assertThat(text(last.serverData())).isEqualTo("e=invalid-proof");
        assertThat(session.authenticatedUsername()).isNull();
        assertThatThrownBy(() -> client.verifyServerFinal(last.serverData()))
                .isInstanceOf(ScramException.class).hasMessageContaining("invalid-proof");
    }

    @Test
    void unknown_user_gets_a_stable_made_up_salt_and_then_fails() {
        ScramSha256AuthMethod method = server("alice", "wonderland");
        ScramSha256Client client = new ScramSha256Client("mallory", "guess");
        EnhancedAuthSession session = method.newSession("c");

        AuthStep first = session.step(client.clientFirstMessage());
        String salt1 = Scram.attributes(text(first.serverData())).get('s');
        String salt2 = Scram.attributes(text(method.newSession("d")
                .step(new ScramSha256Client("mallory", "x").clientFirstMessage()).serverData())).get('s');
        AuthStep last = session.step(client.clientFinalMessage(first.serverData()));

        assertThat(first.outcome()).isEqualTo(AuthStep.Outcome.CONTINUE);
        assertThat(salt1).isEqualTo(salt2);
        assertThat(last.outcome()).isEqualTo(AuthStep.Outcome.FAILURE);
        assertThat(text(last.serverData())).isEqualTo("e=invalid-proof");
    }

    static Stream<Arguments> malformedClientFirst() {
        return Stream.of(
                Arguments.of("null data", null),
                Arguments.of("empty data", new byte[0]),
                Arguments.of("no gs2 header", utf8("n=user,r=abc")),
                Arguments.of("garbage", utf8("hello")),
                Arguments.of("not utf-8", new byte[] {'n', ',', ',', (byte) 0xC3, (byte) 0x28}),
                Arguments.of("channel binding requested", utf8("p=tls-unique,,n=user,r=abc")),
                Arguments.of("bad cbind flag", utf8("x,,n=user,r=abc")),
                Arguments.of("mandatory extension", utf8("n,,m=ext,n=user,r=abc")),
                Arguments.of("nonce missing", utf8("n,,n=user")),
                Arguments.of("user missing", utf8("n,,r=abc")),
                Arguments.of("empty user", utf8("n,,n=,r=abc")),
                Arguments.of("bad user escape", utf8("n,,n=us=er,r=abc")),
                Arguments.of("nonce with space", utf8("n,,n=user,r=a c")),
                Arguments.of("authzid of another user", utf8("n,a=admin,n=user,r=abc")),
                Arguments.of("attribute without value marker", utf8("n,,n=user,r=abc,xyz")),
                Arguments.of("too long", utf8("n,,n=user,r=" + "a".repeat(10_000))),
                Arguments.of("client-final instead of client-first", utf8(RFC_CLIENT_FINAL)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedClientFirst")
    void malformed_client_first_message_fails_without_exception(String description, byte[] data) {
        AuthStep step = rfcServer().newSession("c").step(data);

        assertThat(step.outcome()).isEqualTo(AuthStep.Outcome.FAILURE);
    }

    static Stream<Arguments> malformedClientFinal() {
        return Stream.of(
                Arguments.of("null data", null),
                Arguments.of("no proof", "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"),
                Arguments.of("wrong channel binding",
                        RFC_CLIENT_FINAL.replace("c=biws", "c=eSws")),
                Arguments.of("channel binding not base64", RFC_CLIENT_FINAL.replace("c=biws", "c=!!")),
                Arguments.of("wrong nonce", RFC_CLIENT_FINAL.replace("k0,p=", "k1,p=")),
                Arguments.of("proof not base64", RFC_CLIENT_FINAL.replaceAll("p=.*", "p=***")),
                Arguments.of("short proof", RFC_CLIENT_FINAL.replaceAll("p=.*", "p=AAAA")),
                Arguments.of("attributes out of order",
                        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,c=biws,p=AAAA"),
                Arguments.of("client-first again", RFC_CLIENT_FIRST));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedClientFinal")
    void malformed_client_final_message_fails_without_exception(String description, String data) {
        EnhancedAuthSession session = rfcServer().newSession("c");
        assertThat(session.step(utf8(RFC_CLIENT_FIRST)).outcome()).isEqualTo(AuthStep.Outcome.CONTINUE);

        AuthStep step = session.step(data == null ? null : utf8(data));

        assertThat(step.outcome()).isEqualTo(AuthStep.Outcome.FAILURE);
        assertThat(session.authenticatedUsername()).isNull();
    }

    @Test
    void steps_after_the_end_of_the_exchange_fail() {
        EnhancedAuthSession session = rfcServer().newSession("c");
        session.step(utf8(RFC_CLIENT_FIRST));
        assertThat(session.step(utf8(RFC_CLIENT_FINAL)).outcome()).isEqualTo(AuthStep.Outcome.SUCCESS);

        assertThat(session.step(utf8(RFC_CLIENT_FINAL)).outcome()).isEqualTo(AuthStep.Outcome.FAILURE);
        assertThat(session.step(utf8(RFC_CLIENT_FIRST)).outcome()).isEqualTo(AuthStep.Outcome.FAILURE);
    }

    @Test
    void a_failed_exchange_cannot_be_resumed() {
        EnhancedAuthSession session = rfcServer().newSession("c");

        assertThat(session.step(utf8("garbage")).outcome()).isEqualTo(AuthStep.Outcome.FAILURE);
        assertThat(session.step(utf8(RFC_CLIENT_FIRST)).outcome()).isEqualTo(AuthStep.Outcome.FAILURE);
    }

    @Test
    void client_rejects_a_server_nonce_that_does_not_extend_its_own() {
        ScramSha256Client client = new ScramSha256Client("user", "pencil", RFC_CLIENT_NONCE);
        client.clientFirstMessage();

        assertThatThrownBy(() -> client.clientFinalMessage(utf8("r=other,s=" + RFC_SALT + ",i=4096")))
                .isInstanceOf(ScramException.class).hasMessageContaining("nonce");
        assertThatThrownBy(() -> client.clientFinalMessage(utf8("r=" + RFC_CLIENT_NONCE + ",s=" + RFC_SALT
                + ",i=4096"))).isInstanceOf(ScramException.class);
        assertThatThrownBy(() -> client.clientFinalMessage(utf8("garbage"))).isInstanceOf(ScramException.class);
    }

    @Test
    void client_rejects_a_server_that_does_not_know_the_password() {
        ScramSha256Client client = new ScramSha256Client("user", "pencil", RFC_CLIENT_NONCE);
        client.clientFirstMessage();
        client.clientFinalMessage(utf8(RFC_SERVER_FIRST));

        assertThatThrownBy(() -> client.verifyServerFinal(utf8("v=" + Base64.getEncoder().encodeToString(new byte[32]))))
                .isInstanceOf(ScramException.class).hasMessageContaining("server signature does not match");
    }

    @Test
    void credentials_line_holds_no_plain_password_and_round_trips() {
        String line = ScramCredentials.hashEntry("alice", "wonderland");
        ScramCredentials parsed = ScramCredentials.parseFile(line, "scram").get("alice");

        assertThat(line).doesNotContain("wonderland").startsWith("alice:");
        assertThat(line.split(":")).hasSize(5);
        assertThat(parsed.iterations()).isEqualTo(4096);
        assertThat(parsed.salt()).hasSize(16);
        assertThat(parsed.toLine()).isEqualTo(line);
    }

    @Test
    void credentials_file_errors_name_file_and_line() {
        assertThatThrownBy(() -> ScramCredentials.parseFile("# users\nalice:plain\n", "scram.txt"))
                .isInstanceOf(BrokerConfigException.class)
                .hasMessage("scram.txt:2: expected 'user:salt:iterations:storedKey:serverKey' (base64 values)");
        assertThatThrownBy(() -> ScramCredentials.parseFile("alice:AAAA:many:AAAA:AAAA\n", "scram.txt"))
                .hasMessageStartingWith("scram.txt:1: invalid SCRAM credentials for user 'alice'");
        assertThatThrownBy(() -> ScramCredentials.parseFile("alice:AAAA:4096:AAAA:AAAA\n", "scram.txt"))
                .hasMessageStartingWith("scram.txt:1: invalid SCRAM credentials for user 'alice'");
        String line = ScramCredentials.hashEntry("bob", "x", 16);
        assertThatThrownBy(() -> ScramCredentials.parseFile(line + "\n" + line + "\n", "scram.txt"))
                .hasMessage("scram.txt:2: duplicate user 'bob'");
    }
}
