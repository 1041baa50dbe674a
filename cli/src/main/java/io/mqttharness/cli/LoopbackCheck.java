package io.mqttharness.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a listener's bind address keeps it reachable from this machine only. */
final class LoopbackCheck {

    private LoopbackCheck() {
    }

    /** {@code null} (all interfaces) and unresolvable names count as not loopback: the safe answer for a warning. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
