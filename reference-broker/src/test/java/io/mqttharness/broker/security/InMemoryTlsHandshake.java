package io.mqttharness.broker.security;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * Runs a TLS handshake between two {@link SSLEngine}s in memory, so that TLS contexts can be tested without
 * sockets or timing. Bounded: gives up after a fixed number of rounds.
 */
final class InMemoryTlsHandshake {

    private static final int MAX_ROUNDS = 200;

    private InMemoryTlsHandshake() {
    }

    /** Returns normally when both sides finished; throws the first side's {@link SSLException} otherwise. */
    static void run(SSLEngine client, SSLEngine server) throws SSLException {
        int size = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        int appSize = Math.max(client.getSession().getApplicationBufferSize(),
                server.getSession().getApplicationBufferSize());
        ByteBuffer clientToServer = ByteBuffer.allocate(size * 4);
        ByteBuffer serverToClient = ByteBuffer.allocate(size * 4);
        ByteBuffer clientApp = ByteBuffer.allocate(appSize);
        ByteBuffer serverApp = ByteBuffer.allocate(appSize);
        ByteBuffer empty = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean clientDone = finished(client);
            boolean serverDone = finished(server);
            if (clientDone && serverDone && clientToServer.position() == 0 && serverToClient.position() == 0) {
                return;
            }
            step(client, empty, clientToServer, serverToClient, clientApp);
            step(server, empty, serverToClient, clientToServer, serverApp);
        }
        throw new SSLException("handshake did not finish within " + MAX_ROUNDS + " rounds");
    }

    private static boolean finished(SSLEngine engine) {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status == HandshakeStatus.FINISHED || status == HandshakeStatus.NOT_HANDSHAKING;
    }

    /** One move of one side: run delegated tasks, write what it wants to send, read what it received. */
    private static void step(SSLEngine engine, ByteBuffer empty, ByteBuffer outgoing, ByteBuffer incoming,
            ByteBuffer app) throws SSLException {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
        if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            SSLEngineResult result = engine.wrap(empty, outgoing);
            if (result.getStatus() == SSLEngineResult.Status.CLOSED && engine.isOutboundDone()) {
                // an alert was written: let the peer read it, then fail on this side too
                return;
            }
        }
        incoming.flip();
        try {
            while (incoming.hasRemaining() && engine.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
                SSLEngineResult result = engine.unwrap(incoming, app);
                while ((task = engine.getDelegatedTask()) != null) {
                    task.run();
                }
                if (result.getStatus() != SSLEngineResult.Status.OK) {
                    break;
                }
            }
            // TLS 1.3 post-handshake messages (tickets) arrive when the engine no longer asks to unwrap
            while (incoming.hasRemaining() && finished(engine)) {
                SSLEngineResult result = engine.unwrap(incoming, app);
                if (result.getStatus() != SSLEngineResult.Status.OK || result.bytesConsumed() == 0) {
                    break;
                }
            }
        } finally {
            incoming.compact();
        }
        if (engine.isInboundDone() && engine.isOutboundDone()) {
            throw new SSLException("engine closed during handshake");
        }
    }
}
