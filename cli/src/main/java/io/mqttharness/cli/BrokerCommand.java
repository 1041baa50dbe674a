package io.mqttharness.cli;

import io.mqttharness.broker.MqttBroker;
import io.mqttharness.broker.server.StandaloneNetty;
import io.mqttharness.broker.config.BrokerConfig;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mqtt-harness broker}: runs the strict reference broker in the foreground until Ctrl-C (or
 * SIGTERM), like {@code mosquitto [-c FILE] [-p PORT]}.
 */
@Command(name = "broker",
        mixinStandardHelpOptions = true,
        versionProvider = CliVersionProvider.class,
        description = {
            "Runs the strict MQTT 3.1.1 / 5.0 reference broker in the foreground until Ctrl-C.",
            "Without --config it listens on 127.0.0.1:1883 and allows anonymous clients (like mosquitto 2.0)."
        },
        footer = {"",
            "Exit status: 0 stopped (130 after Ctrl-C/SIGINT, 143 after SIGTERM),",
            "1 the broker could not start (e.g. port in use), 2 bad options or configuration."})
final class BrokerCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "mosquitto.conf-style configuration file.")
    private Path configFile;

    @Option(names = "--port", paramLabel = "N",
            description = "Listen on this port (0: any free port). With a config file that declares several "
                    + "listeners, this replaces the port of the first one.")
    private Integer port;

    @Option(names = "--host", paramLabel = "H",
            description = "Listen on this address (e.g. 0.0.0.0 for all IPv4 interfaces). With a config file "
                    + "that declares several listeners, this replaces the address of the first one.")
    private String host;

    BrokerCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        validateOptions();
        StandaloneNetty.configure();
        BrokerConfig config = BrokerConfigLoader.overrideFirstListener(
                BrokerConfigLoader.load(configFile), host, port);
        PrintWriter out = spec.commandLine().getOut();
        // Arm the stop signal before binding so that a Ctrl-C during start-up still closes the broker.
        try (StopSignal stopSignal = environment.stopSignals().get()) {
            MqttBroker broker = BrokerStarter.start(config);
            try {
                printListeners(out, config, broker.boundAddresses());
                warnIfOpenToTheNetwork(config);
                stopSignal.awaitStopRequest();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                out.println("stopping broker...");
                out.flush();
                broker.close();
                out.println("broker stopped");
                out.flush();
            }
        }
        return 0;
    }

    private void validateOptions() {
        if (port != null && (port < 0 || port > 65535)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--port': " + port + " is not a port number (0..65535)");
        }
        if (host != null && host.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--host': empty host");
        }
    }

    /**
     * Without a config file anonymous clients are allowed because the broker is loopback-only, as in
     * mosquitto 2.0; --host can silently change the second half of that bargain, so say so.
     */
    private void warnIfOpenToTheNetwork(BrokerConfig config) {
        if (!config.allowAnonymous()) {
            return;
        }
        boolean exposed = config.listeners().stream().anyMatch(l -> !LoopbackCheck.isLoopback(l.host()));
        if (exposed) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("warning: anonymous clients are allowed and a listener is not bound to loopback; "
                    + "use a config file with password_file to require a login");
            err.flush();
        }
    }

    private static void printListeners(PrintWriter out, BrokerConfig config, List<InetSocketAddress> bound) {
        for (int i = 0; i < bound.size(); i++) {
            out.println("listening on " + ListenerUrl.of(config.listeners().get(i), bound.get(i)));
        }
        out.println("press Ctrl-C to stop");
        out.flush();
    }
}
