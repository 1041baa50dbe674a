package io.mqttharness.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code mqtt-harness} command: entry point of the runnable jar behind {@code ./mqtt-harness}. Each
 * subcommand lives in its own class; this class only wires them together with the exit-code and error
 * handling shared by all of them.
 *
 * <p>Exit codes: 0 success, 1 runtime failure (e.g. port in use), 2 usage or configuration error.
 */
@Command(name = "mqtt-harness",
        mixinStandardHelpOptions = true,
        versionProvider = CliVersionProvider.class,
        description = "MQTT 3.1.1 / 5.0 conformance and load-testing harness with a strict reference broker.",
        footer = {"", "Run 'mqtt-harness COMMAND --help' for the options of a command."})
public final class MqttHarnessCli implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    // Declared here and inherited so that `mqtt-harness broker --verbose` works as well as
    // `mqtt-harness --verbose broker`; the value is read from the parse result (see CliVerbosity).
    @Option(names = {"-v", "--verbose", "--debug"}, scope = ScopeType.INHERIT,
            description = "Log debug output of mqtt-harness and show stack traces of errors.")
    private boolean verbose;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine(new CliEnvironment()).execute(args));
    }

    /**
     * Builds the fully configured command line. Tests pass an environment with their own stop signal and
     * password prompt, and set the output writers on the returned object.
     */
    public static CommandLine commandLine(CliEnvironment environment) {
        CommandLine cmd = new CommandLine(new MqttHarnessCli());
        cmd.addSubcommand(new BrokerCommand(environment));
        cmd.addSubcommand(new PasswdCommand(environment));
        cmd.addSubcommand(new CertifyCommand());
        cmd.addSubcommand(new BenchCommand());
        cmd.addSubcommand(new io.mqttharness.cli.load.LoadCommand());
        cmd.addSubcommand(new ReportCommand());
        cmd.addSubcommand(new CompareCommand());
        cmd.addSubcommand(new io.mqttharness.cli.fuzz.FuzzCommand());
        cmd.setExecutionStrategy(new VerbosityAwareExecutionStrategy());
        cmd.setExecutionExceptionHandler(new CliExecutionExceptionHandler());
        cmd.setParameterExceptionHandler(new CliParameterExceptionHandler());
        return cmd;
    }

    @Override
    public Integer call() {
        // A bare `mqtt-harness` is a usage error: show the usage so the user sees the commands.
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    /** Picocli's default strategy, after switching debug logging on when --verbose was given. */
    private static final class VerbosityAwareExecutionStrategy implements CommandLine.IExecutionStrategy {
        @Override
        public int execute(CommandLine.ParseResult parseResult) {
            if (CliVerbosity.isVerbose(parseResult)) {
                CliVerbosity.enableDebugLogging();
            }
            return new CommandLine.RunLast().execute(parseResult);
        }
    }
}
