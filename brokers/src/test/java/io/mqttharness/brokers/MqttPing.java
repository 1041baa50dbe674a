package io.mqttharness.brokers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Sends an MQTT 3.1.1 CONNECT over a plain socket and returns the CONNACK bytes: proof that an MQTT broker answers. */
final class MqttPing {
    private MqttPing() {
    }

    static byte[] connack(RunningBroker broker) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(broker.host(), broker.port()), 5_000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(new byte[] {
                0x10, 0x0D,                     // CONNECT, remaining length 13
                0x00, 0x04, 'M', 'Q', 'T', 'T', // protocol name
                0x04,                           // protocol level 4 (3.1.1)
                0x02,                           // clean session
                0x00, 0x3C,                     // keep alive 60 s
                0x00, 0x01, 'p'});              // client identifier "p"
            InputStream in = s.getInputStream();
            return in.readNBytes(4);
        }
    }
}
