import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.nio.file.Path;

/**
 * Starts HiveMQ CE embedded in its own JVM by mqtt-harness (run in Java's source-file mode with the
 * classpath resolved by hivemq-ce.pom.xml). Arguments: config folder (with config.xml), data folder, extensions folder.
 *
 * <p>HiveMQ CE refuses every client until a security extension registers an authenticator; the binary
 * distribution ships the "allow all" extension for that, the embedded artifact does not, so an equivalent embedded
 * extension is registered here. The broker stops when standard input closes, so it never outlives the harness JVM.
 */
public final class HiveMqCeLauncher {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: HiveMqCeLauncher CONFIG_FOLDER DATA_FOLDER EXTENSIONS_FOLDER");
            System.exit(2);
        }
        EmbeddedExtension allowAll = EmbeddedExtension.builder()
                .withId("mqtt-harness-allow-all")
                .withName("mqtt-harness allow all")
                .withVersion("1")
                .withExtensionMain(new AllowAll())
                .build();
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(Path.of(args[0]))
                .withDataFolder(Path.of(args[1]))
                .withExtensionsFolder(Path.of(args[2]))
                .withEmbeddedExtension(allowAll)
                .build();
        hivemq.start().join();
        System.out.println("mqtt-harness: HiveMQ CE started");
        while (System.in.read() >= 0) {
            // blocks until the parent closes our stdin or dies
        }
        hivemq.stop().join();
        System.exit(0);
    }

    /** Accepts every CONNECT; with no authorizer and no default permissions everything is permitted. */
    static final class AllowAll implements ExtensionMain {
        @Override
        public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
            Services.securityRegistry().setAuthenticatorProvider(
                    providerInput -> (SimpleAuthenticator) (connect, out) -> out.authenticateSuccessfully());
        }

        @Override
        public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        }
    }
}
