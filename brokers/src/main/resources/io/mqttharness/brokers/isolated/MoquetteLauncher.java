import io.moquette.broker.Server;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Properties;

/**
 * Starts Moquette embedded in its own JVM by mqtt-harness (run in Java's source-file mode with the
 * classpath resolved by moquette.pom.xml). Arguments: a properties file with Moquette's configuration keys, and a log4j
 * 1.x (reload4j) configuration file for its logging. The broker stops when standard input closes, so it never
 * outlives the harness.
 */
public final class MoquetteLauncher {
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MoquetteLauncher CONFIG_PROPERTIES LOG4J_PROPERTIES");
            System.exit(2);
        }
        // read by log4j when Moquette's first logger is created, which is after this line
        System.setProperty("log4j.configuration", new java.io.File(args[1]).toURI().toString());
        Properties config = new Properties();
        try (InputStream in = new FileInputStream(args[0])) {
            config.load(in);
        }
        Server server = new Server();
        server.startServer(config);
        System.out.println("mqtt-harness: Moquette started");
        while (System.in.read() >= 0) {
            // blocks until the parent closes our stdin or dies
        }
        server.stopServer();
        System.exit(0);
    }
}
