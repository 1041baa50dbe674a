package io.mqttharness.spec.engine;

import io.mqttharness.spec.capability.EnhancedAuthProfile;
import java.time.Duration;

/**
 * Timeouts and defaults shared by all scenario runs of a certification.
 *
 * @param connectTimeout opening a network connection
 * @param expectTimeout default wait for an expected packet (and for a CONNACK)
 * @param expectNoneWindow default window of {@code expect_none}
 * @param closeTimeout default wait of {@code expect_closed}
 * @param scenarioTimeout hard limit of one scenario run when the scenario sets none
 * @param username user name put into every CONNECT that sets none, or {@code null}
 * @param password password put into every CONNECT that sets none, or {@code null}
 * @param enhancedAuth enhanced authentication credentials of the profile, or {@code null}
 * @param deniedTopic the profile's topic its user may not publish to, or {@code null}
 */
public record RunSettings(Duration connectTimeout, Duration expectTimeout, Duration expectNoneWindow,
        Duration closeTimeout, Duration scenarioTimeout, String username, String password,
        EnhancedAuthProfile enhancedAuth, String deniedTopic) {

    /** Settings without enhanced authentication or ACL statements. */
    public RunSettings(Duration connectTimeout, Duration expectTimeout, Duration expectNoneWindow,
            Duration closeTimeout, Duration scenarioTimeout, String username, String password) {
        this(connectTimeout, expectTimeout, expectNoneWindow, closeTimeout, scenarioTimeout, username, password,
                null, null);
    }

    /** Defaults suited to a broker on the same network: 3 s connect, 5 s expect, 1 s silence, 60 s per scenario. */
    public static RunSettings defaults() {
        return new RunSettings(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(60), null, null);
    }

    /** A copy with credentials. */
    public RunSettings withCredentials(String user, String pass) {
        return new RunSettings(connectTimeout, expectTimeout, expectNoneWindow, closeTimeout, scenarioTimeout, user,
                pass, enhancedAuth, deniedTopic);
    }

    /** A copy with the profile's enhanced authentication credentials and denied topic. */
    public RunSettings withAuthorization(EnhancedAuthProfile auth, String denied) {
        return new RunSettings(connectTimeout, expectTimeout, expectNoneWindow, closeTimeout, scenarioTimeout,
                username, password, auth, denied);
    }

    @Override
    public String toString() {
        // passwords stay out of logs
        return "RunSettings[connectTimeout=" + connectTimeout + ", expectTimeout=" + expectTimeout
                + ", expectNoneWindow=" + expectNoneWindow + ", closeTimeout=" + closeTimeout + ", scenarioTimeout="
                + scenarioTimeout + ", username=" + username + ", enhancedAuth=" + enhancedAuth + ", deniedTopic="
                + deniedTopic + "]";
    }
}
