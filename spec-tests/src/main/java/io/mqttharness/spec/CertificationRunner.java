package io.mqttharness.spec;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.capability.BrokerCapabilities;
import io.mqttharness.spec.capability.CapabilityProbe;
import io.mqttharness.spec.capability.CapabilityProfile;
import io.mqttharness.spec.client.BrokerUnreachableException;
import io.mqttharness.spec.client.MqttTarget;
import io.mqttharness.spec.client.TlsOptions;
import io.mqttharness.spec.engine.RunIdentity;
import io.mqttharness.spec.engine.RunSettings;
import io.mqttharness.spec.engine.ScenarioExecutor;
import io.mqttharness.spec.scenario.Scenario;
import io.mqttharness.spec.scenario.ScenarioLoader;
import io.mqttharness.spec.scenario.ScenarioSyntaxException;
import io.mqttharness.spec.statement.StatementCatalog;
import io.mqttharness.spec.statement.StatementResult;
import io.mqttharness.spec.statement.StatementRollup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Entry point of the engine: {@code CertificationRun run(CertificationRequest)}. Loads and selects scenarios,
 * probes the broker's capabilities per version, runs the scenarios in parallel (bounded) and rolls their
 * verdicts up to statements. Independent of any command line or report format.
 */
public final class CertificationRunner {
    /** Slack on top of a scenario's own hard timeout before its worker is interrupted. */
    private static final Duration WATCHDOG_SLACK = Duration.ofSeconds(15);

    /**
     * Runs a certification.
     *
     * @throws BrokerUnreachableException when the broker cannot be reached (within the connect timeout)
     * @throws ScenarioSyntaxException when a scenario file is invalid
     */
    public CertificationRun run(CertificationRequest request) throws InterruptedException {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        List<Scenario> scenarios = ScenarioLoader.load(request.includeBuiltIn(), request.scenarioDirectories())
                .stream().filter(s -> ScenarioSelector.selected(s, request.only())).toList();
        RunIdentity identity = request.runId() != null ? new RunIdentity(request.runId()) : RunIdentity.random();
        RunSettings settings = withProfileCredentials(request.settings(), request.profile());
        EventLoopGroup group = new NioEventLoopGroup(2, new DefaultThreadFactory("mqtt-harness-client", true));
        try {
            Map<MqttVersion, BrokerCapabilities> caps = probe(request, settings, identity, group);
            Map<MqttVersion, StatementCatalog> catalogs = new EnumMap<>(MqttVersion.class);
            request.versions().forEach(v -> catalogs.put(v, StatementCatalog.load(v)));
            List<ScenarioResult> results = execute(request, scenarios, caps, catalogs,
                    new ScenarioExecutor(transportTarget(request), settings, identity, group));
            List<StatementResult> statements = new ArrayList<>();
            for (MqttVersion v : request.versions()) {
                statements.addAll(StatementRollup.rollUp(catalogs.get(v), results));
            }
            return new CertificationRun(identity.runId(), request.target(), startedAt,
                    (System.nanoTime() - start) / 1_000_000, caps, results, statements);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private static Map<MqttVersion, BrokerCapabilities> probe(CertificationRequest request, RunSettings settings,
            RunIdentity identity, EventLoopGroup group) throws InterruptedException {
        CapabilityProbe probe = new CapabilityProbe(transportTarget(request), settings, identity, group);
        Map<MqttVersion, BrokerCapabilities> caps = new EnumMap<>(MqttVersion.class);
        for (MqttVersion v : request.versions()) {
            caps.put(v, probe.probe(v, request.profile()));
        }
        return caps;
    }

    private static List<ScenarioResult> execute(CertificationRequest request, List<Scenario> scenarios,
            Map<MqttVersion, BrokerCapabilities> caps, Map<MqttVersion, StatementCatalog> catalogs,
            ScenarioExecutor executor) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(request.parallelism(),
                new DefaultThreadFactory("mqtt-harness-scenario", true));
        List<ScenarioResult> results = new ArrayList<>();
        List<PendingRun> pending = new ArrayList<>();
        try {
            for (Scenario s : scenarios) {
                for (MqttVersion v : s.versions()) {
                    if (!request.versions().contains(v)) {
                        continue;
                    }
                    ScenarioResult skipped = ScenarioPrecheck.check(s, v, catalogs.get(v), caps.get(v));
                    if (skipped != null) {
                        results.add(notify(request, skipped));
                    } else {
                        pending.add(new PendingRun(s, v, pool.submit(() -> notify(request, executor.run(s, v)))));
                    }
                }
            }
            for (PendingRun run : pending) {
                results.add(await(run, request.settings()));
            }
        } finally {
            pool.shutdownNow();
        }
        results.sort(Comparator.comparing(ScenarioResult::scenarioId).thenComparing(r -> r.version().level()));
        return results;
    }

    private static ScenarioResult await(PendingRun run, RunSettings settings) throws InterruptedException {
        Duration timeout = run.scenario.timeout() != null ? run.scenario.timeout() : settings.scenarioTimeout();
        try {
            return run.future.get(timeout.plus(WATCHDOG_SLACK).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.future.cancel(true);
            return ScenarioExecutor.skipped(run.scenario, run.version, Verdict.ERROR,
                    "scenario did not finish within its hard timeout of " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return ScenarioExecutor.skipped(run.scenario, run.version, Verdict.ERROR,
                    "harness error: " + e.getCause());
        }
    }

    private static ScenarioResult notify(CertificationRequest request, ScenarioResult result) {
        if (request.listener() != null) {
            request.listener().scenarioFinished(result);
        }
        return result;
    }

    private static RunSettings withProfileCredentials(RunSettings settings, CapabilityProfile profile) {
        RunSettings s = settings;
        if (profile.enhancedAuth() != null || profile.deniedTopic() != null) {
            s = s.withAuthorization(profile.enhancedAuth(), profile.deniedTopic());
        }
        if (profile.username() == null && profile.password() == null) {
            return s;
        }
        return s.withCredentials(profile.username(), profile.password());
    }

    /** The target with the profile's TLS trust options, which only the connections need. */
    private static MqttTarget transportTarget(CertificationRequest request) {
        TlsOptions tls = request.profile().tls();
        return tls == null ? request.target() : request.target().withTls(tls);
    }

    private record PendingRun(Scenario scenario, MqttVersion version, Future<ScenarioResult> future) {
    }
}
