package io.mqttharness.broker.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Server side of one SCRAM-SHA-256 exchange (RFC 5802 sections 5 and 7): client-first-message gives
 * server-first-message (CONTINUE), client-final-message gives server-final-message (SUCCESS) or {@code
 * e=...} (FAILURE). Every malformed or unexpected message is a FAILURE; no exception leaves {@link #step}.
 */
final class ScramSha256ServerSession implements EnhancedAuthSession {

    /** Longer messages are malformed; real ones are a few hundred bytes. */
    private static final int MAX_MESSAGE_LENGTH = 4096;

    private enum State { EXPECT_CLIENT_FIRST, EXPECT_CLIENT_FINAL, DONE }

    private final Function<String, ScramSession.Lookup> lookup;
    private final Supplier<String> serverNonces;
    private State state = State.EXPECT_CLIENT_FIRST;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private ScramSession.Lookup user;
    private String authenticatedUsername;

    ScramSha256ServerSession(Function<String, ScramSession.Lookup> lookup, Supplier<String> serverNonces) {
        this.lookup = lookup;
        this.serverNonces = serverNonces;
    }

    @Override
    public AuthStep step(byte[] clientData) {
        State current = state;
        state = State.DONE; // any failure below ends the exchange
        try {
            if (clientData == null || clientData.length == 0) {
                throw new ScramException("missing SCRAM message");
            }
            if (clientData.length > MAX_MESSAGE_LENGTH) {
                throw new ScramException("SCRAM message longer than " + MAX_MESSAGE_LENGTH + " bytes");
            }
            String message = Scram.utf8(clientData);
            return switch (current) {
                case EXPECT_CLIENT_FIRST -> clientFirst(message);
                case EXPECT_CLIENT_FINAL -> clientFinal(message);
                case DONE -> throw new ScramException("exchange already finished");
            };
        } catch (ScramException | IllegalArgumentException e) {
            return AuthStep.failure(error("other-error"));
        } catch (InvalidProof e) {
            return AuthStep.failure(error(e.serverError));
        }
    }

    @Override
    public String authenticatedUsername() {
        return authenticatedUsername;
    }

    private AuthStep clientFirst(String message) {
        // gs2-header = cbind-flag "," [authzid] ","
        int first = message.indexOf(',');
        int second = first < 0 ? -1 : message.indexOf(',', first + 1);
        if (second < 0) {
            throw new ScramException("missing gs2 header");
        }
        String cbindFlag = message.substring(0, first);
        String authzid = message.substring(first + 1, second);
        if (cbindFlag.startsWith("p=")) {
            throw new InvalidProof("channel-binding-not-supported");
        }
        if (!cbindFlag.equals("n") && !cbindFlag.equals("y")) {
            throw new ScramException("bad channel binding flag");
        }
        gs2Header = message.substring(0, second + 1);
        clientFirstBare = message.substring(second + 1);
        Map<Character, String> attributes = Scram.attributes(clientFirstBare);
        Iterator<Map.Entry<Character, String>> it = attributes.entrySet().iterator();
        Map.Entry<Character, String> name = it.hasNext() ? it.next() : null;
        if (name != null && name.getKey() == 'm') {
            throw new InvalidProof("extensions-not-supported");
        }
        Map.Entry<Character, String> clientNonce = it.hasNext() ? it.next() : null;
        if (name == null || name.getKey() != 'n' || clientNonce == null || clientNonce.getKey() != 'r') {
            throw new ScramException("client-first-message must start with n= and r=");
        }
        String username = Scram.decodeName(name.getValue());
        if (username.isEmpty() || !Scram.printable(clientNonce.getValue())) {
            throw new ScramException("empty user name or bad nonce");
        }
        if (!authzid.isEmpty() && !(authzid.startsWith("a=") && Scram.decodeName(authzid.substring(2))
                .equals(username))) {
            throw new InvalidProof("invalid-username-encoding");
        }
        user = lookup.apply(username);
        nonce = clientNonce.getValue() + serverNonces.get();
        ScramCredentials credentials = user.credentials();
        serverFirst = "r=" + nonce + ",s=" + Scram.b64(credentials.salt()) + ",i=" + credentials.iterations();
        state = State.EXPECT_CLIENT_FINAL;
        return AuthStep.proceed(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private AuthStep clientFinal(String message) {
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw new ScramException("client-final-message without proof");
        }
        String withoutProof = message.substring(0, proofAt);
        Map<Character, String> attributes = Scram.attributes(withoutProof);
        Iterator<Map.Entry<Character, String>> it = attributes.entrySet().iterator();
        Map.Entry<Character, String> binding = it.hasNext() ? it.next() : null;
        Map.Entry<Character, String> finalNonce = it.hasNext() ? it.next() : null;
        if (binding == null || binding.getKey() != 'c' || finalNonce == null || finalNonce.getKey() != 'r') {
            throw new ScramException("client-final-message must start with c= and r=");
        }
        if (!MessageDigest.isEqual(Scram.unb64(binding.getValue(), "c"), gs2Header.getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidProof("channel-bindings-dont-match");
        }
        if (!finalNonce.getValue().equals(nonce)) {
            throw new ScramException("nonce does not match");
        }
        byte[] proof = Scram.unb64(message.substring(proofAt + 3), "p");
        if (proof.length != Scram.KEY_LENGTH) {
            throw new InvalidProof("invalid-proof");
        }
        ScramCredentials credentials = user.credentials();
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] clientSignature = Scram.hmac(credentials.storedKey(), authMessage);
        byte[] clientKey = Scram.xor(proof, clientSignature);
        boolean valid = MessageDigest.isEqual(Scram.hash(clientKey), credentials.storedKey());
        if (!valid || !user.known()) {
            throw new InvalidProof("invalid-proof");
        }
        authenticatedUsername = credentials.username();
        byte[] serverSignature = Scram.hmac(credentials.serverKey(), authMessage);
        return AuthStep.success(("v=" + Scram.b64(serverSignature)).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] error(String serverError) {
        return ("e=" + serverError).getBytes(StandardCharsets.UTF_8);
    }

    /** A failure with a specific RFC 5802 server-error value. */
    private static final class InvalidProof extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String serverError;

        InvalidProof(String serverError) {
            super(serverError, null, false, false);
            this.serverError = serverError;
        }
    }
}
