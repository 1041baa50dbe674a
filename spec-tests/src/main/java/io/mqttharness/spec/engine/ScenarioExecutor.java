package io.mqttharness.spec.engine;

import io.mqttharness.codec.MqttVersion;
import io.mqttharness.spec.ScenarioResult;
import io.mqttharness.spec.Verdict;
import io.mqttharness.spec.client.BrokerUnreachableException;
import io.mqttharness.spec.client.MqttTarget;
import io.mqttharness.spec.client.ProtocolMonitor;
import io.mqttharness.spec.scenario.Scenario;
import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one scenario under one version against a broker and judges it: PASSED, FAILED (with the failed
 * expectation), OBSERVATION (only SHOULD/MAY checks missed), NOT_APPLICABLE (an {@code assume} step saw another
 * choice the specification allows, under which the scenario cannot judge) or ERROR (a harness or scenario problem, kept apart
 * from failures). Always cleans up afterwards.
 */
public final class ScenarioExecutor {
    private final MqttTarget target;
    private final RunSettings settings;
    private final RunIdentity identity;
    private final EventLoopGroup group;

    public ScenarioExecutor(MqttTarget target, RunSettings settings, RunIdentity identity, EventLoopGroup group) {
        this.target = target;
        this.settings = settings;
        this.identity = identity;
        this.group = group;
    }

    public ScenarioResult run(Scenario scenario, MqttVersion version) {
        long start = System.nanoTime();
        ScenarioContext ctx = new ScenarioContext(scenario, version, target, settings, identity, group);
        StepDispatcher dispatcher = new StepDispatcher(ctx);
        Verdict verdict;
        String message = null;
        boolean interrupted = false;
        try {
            dispatcher.runAll(scenario.steps());
            verdict = dispatcher.observations().isEmpty() ? Verdict.PASSED : Verdict.OBSERVATION;
            List<String> violations = violations(ctx);
            if (!violations.isEmpty()) {
                // the steps passed, but the broker broke the protocol where no step looked: never a PASS
                boolean checked = violations.stream().anyMatch(v -> scenario.statementsFor(version).stream()
                        .anyMatch(id -> v.endsWith("[" + id + "]")));
                verdict = checked ? Verdict.FAILED : Verdict.ERROR;
                message = "the broker broke the protocol outside the scripted expectations: "
                        + String.join("; ", violations);
            }
        } catch (AssumptionNotMet a) {
            verdict = Verdict.NOT_APPLICABLE;
            message = "assumption not met: " + a.getMessage();
        } catch (StepFailure f) {
            verdict = Verdict.FAILED;
            message = f.getMessage();
        } catch (BrokerUnreachableException | ScenarioError e) {
            verdict = Verdict.ERROR;
            message = e.getMessage();
        } catch (InterruptedException e) {
            interrupted = true;
            verdict = Verdict.ERROR;
            message = "scenario interrupted (hard timeout of the run)";
        } catch (RuntimeException e) {
            verdict = Verdict.ERROR;
            message = "harness error: " + e;
        }
        if (message != null) {
            ctx.trace().event(null, verdict + ": " + message);
        }
        new ScenarioCleanup(ctx, identity, group).run();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new ScenarioResult(scenario.id(), scenario.title(), version, scenario.statementsFor(version), verdict,
                message, dispatcher.observations(), ctx.trace().entries(), millis, scenario.source());
    }

    /** Every client's protocol violations, as {@code client: what [statement]}. */
    private static List<String> violations(ScenarioContext ctx) {
        List<String> out = new ArrayList<>();
        ctx.clients().forEach((name, client) -> {
            for (ProtocolMonitor.Violation v : client.monitor().violations()) {
                out.add(name + ": " + v.description() + (v.statementId() == null ? "" : " [" + v.statementId() + "]"));
            }
        });
        return out;
    }

    /** A result without running anything, e.g. NOT_APPLICABLE for a missing capability. */
    public static ScenarioResult skipped(Scenario scenario, MqttVersion version, Verdict verdict, String reason) {
        return new ScenarioResult(scenario.id(), scenario.title(), version, scenario.statementsFor(version), verdict,
                reason, List.of(), List.of(), 0, scenario.source());
    }
}
