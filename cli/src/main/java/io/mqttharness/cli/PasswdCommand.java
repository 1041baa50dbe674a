package io.mqttharness.cli;

import io.mqttharness.broker.security.PasswordFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mqtt-harness passwd}: adds or updates a user in a mosquitto-compatible password file, with the
 * same options as {@code mosquitto_passwd}, so files written by either tool work with both brokers.
 */
@Command(name = "passwd",
        mixinStandardHelpOptions = true,
        versionProvider = CliVersionProvider.class,
        description = {
            "Adds a user to a mosquitto password file, or changes the password of an existing user",
            "(like mosquitto_passwd). Without -b the password is asked twice on the terminal."
        })
final class PasswdCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "-c", description = "Create a new password file; an existing file is overwritten.")
    private boolean create;

    @Option(names = "-b", description = "Batch mode: take the password from the command line (it is then "
            + "visible in the process list and shell history).")
    private boolean batch;

    @Parameters(index = "0", paramLabel = "FILE", description = "The password file.")
    private Path file;

    @Parameters(index = "1", paramLabel = "USER", description = "The user name.")
    private String user;

    @Parameters(index = "2", paramLabel = "PASSWORD", arity = "0..1", description = "The password (only with -b).")
    private String password;

    PasswdCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        validateArguments();
        String secret = batch ? password : askPassword();
        if (secret.isEmpty()) {
            throw new CliException(CliException.BAD_INPUT, "empty password");
        }
        boolean existed = PasswordFileEditor.put(file, create, user, PasswordFile.hashEntry(user, secret));
        spec.commandLine().getOut().println((existed ? "updated password of user '" : "added user '")
                + user + "' " + (existed ? "in " : "to ") + file);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private void validateArguments() {
        if (batch && password == null) {
            throw new ParameterException(spec.commandLine(), "Missing PASSWORD: -b takes the password as third argument");
        }
        if (!batch && password != null) {
            throw new ParameterException(spec.commandLine(),
                    "A PASSWORD argument needs -b (without -b the password is asked on the terminal)");
        }
        if (user.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "USER must not be empty");
        }
        // The file format is "user:hash", one per line; mosquitto_passwd refuses these too.
        if (user.indexOf(':') >= 0 || user.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new ParameterException(spec.commandLine(), "USER must not contain ':' or line breaks");
        }
    }

    private String askPassword() {
        char[] first = environment.passwordPrompt().readPassword("Password: ");
        char[] second = environment.passwordPrompt().readPassword("Reenter password: ");
        try {
            if (!Arrays.equals(first, second)) {
                throw new CliException(CliException.RUNTIME_FAILURE, "passwords do not match");
            }
            return new String(first);
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(second, '\0');
        }
    }
}
