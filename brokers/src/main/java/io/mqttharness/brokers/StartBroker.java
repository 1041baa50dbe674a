package io.mqttharness.brokers;

import java.io.IOException;

/**
 * Starts one broker by its launcher name and keeps it running until standard input closes (Ctrl-D, or the end of a
 * pipe), for manual tests and for certifying a third-party broker with {@code mqtt-harness certify}:
 * {@code java -cp cli/target/mqtt-harness.jar io.mqttharness.brokers.StartBroker hivemq-ce} prints
 * {@code tcp://127.0.0.1:PORT} on the first line of stdout, then a description of the broker. Exit codes: 0 after a
 * normal stop, 1 when the broker did not start, 2 for a bad name, 3 when it is unavailable here.
 */
public final class StartBroker {
    private StartBroker() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: StartBroker reference|mosquitto|hivemq-ce|moquette|container:IMAGE");
            System.exit(2);
        }
        BrokerLauncher launcher;
        try {
            launcher = BrokerLaunchers.forName(args[0], LaunchProfile.PERFORMANCE);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (RunningBroker broker = launcher.start()) {
            System.out.println(broker.address());
            System.out.println(broker.description() + " (pid " + broker.pid() + "); close stdin to stop it");
            System.out.println(broker.launch());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until stdin closes
            }
        } catch (BrokerUnavailableException e) {
            System.err.println("unavailable: " + e.getMessage());
            System.exit(3);
        } catch (BrokerStartException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}
