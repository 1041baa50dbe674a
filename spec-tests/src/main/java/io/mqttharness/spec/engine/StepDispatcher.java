package io.mqttharness.spec.engine;

import io.mqttharness.spec.client.ScriptedClient;
import io.mqttharness.spec.scenario.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs steps in order. A failing observation step (SHOULD/MAY) is recorded and the script goes on with the
 * inboxes as they were before the step; a failing assumption step ends the run as not applicable, unless the
 * failure is a {@link ProtocolViolation} (no allowed choice explains it); any other failure ends the run. {@code one_of} tries its alternatives
 * from the same inbox positions.
 */
final class StepDispatcher {
    private final ScenarioContext ctx;
    private final ActionRunner actions;
    private final ExpectationRunner expectations;
    private final List<String> observations = new ArrayList<>();

    StepDispatcher(ScenarioContext ctx) {
        this.ctx = ctx;
        this.expectations = new ExpectationRunner(ctx);
        this.actions = new ActionRunner(ctx, expectations);
    }

    /** SHOULD/MAY mismatches recorded so far. */
    List<String> observations() {
        return observations;
    }

    void runAll(List<Step> steps) throws StepFailure, InterruptedException {
        for (Step step : steps) {
            if (step.options().appliesTo(ctx.version())) {
                run(step);
            }
        }
    }

    private void run(Step step) throws StepFailure, InterruptedException {
        if (step.options().comment() != null) {
            ctx.trace().event(null, step.options().label() + ": " + step.options().comment());
        }
        boolean observation = step.options().observation() || ctx.scenario().observation();
        Map<String, Integer> positions = observation ? positions() : Map.of();
        try {
            execute(step);
        } catch (StepFailure f) {
            String message = step.options().label() + ": " + f.getMessage();
            if (step.options().assume() && !(f instanceof ProtocolViolation)) {
                ctx.trace().event(null, "assumption not met (the broker made another choice the specification "
                        + "allows): " + message);
                throw new AssumptionNotMet(message);
            }
            if (!observation) {
                throw new StepFailure(message);
            }
            ctx.trace().event(null, "observation (SHOULD/MAY): " + message);
            observations.add(message);
            restore(positions);
        }
    }

    private void execute(Step step) throws StepFailure, InterruptedException {
        if (step instanceof Step.Connect s) {
            actions.connect(s);
        } else if (step instanceof Step.Send s) {
            actions.send(s);
        } else if (step instanceof Step.Expect s) {
            expectations.expect(s);
        } else if (step instanceof Step.ExpectUnordered s) {
            expectations.expectUnordered(s);
        } else if (step instanceof Step.ExpectNone s) {
            expectations.expectNone(s);
        } else if (step instanceof Step.ExpectClosed s) {
            expectations.expectClosed(s);
        } else if (step instanceof Step.OneOf s) {
            oneOf(s);
        } else if (step instanceof Step.Wait s) {
            actions.await(s);
        } else if (step instanceof Step.Disconnect s) {
            actions.disconnect(s);
        } else if (step instanceof Step.Close s) {
            actions.close(s);
        } else if (step instanceof Step.ExpectWebSocketSubprotocol s) {
            actions.expectWebSocketSubprotocol(s);
        } else {
            throw new ScenarioError("unsupported step " + step);
        }
    }

    private void oneOf(Step.OneOf step) throws StepFailure, InterruptedException {
        Map<String, Integer> start = positions();
        List<String> misses = new ArrayList<>();
        int index = 1;
        for (List<Step> alternative : step.alternatives()) {
            try {
                for (Step s : alternative) {
                    execute(s);
                }
                ctx.trace().event(null, step.options().label() + ": alternative " + index + " happened");
                return;
            } catch (StepFailure f) {
                misses.add("alternative " + index + ": " + f.getMessage());
                restore(start);
            }
            index++;
        }
        throw new StepFailure("none of the outcomes the specification allows happened: " + String.join("; ", misses));
    }

    private Map<String, Integer> positions() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, ScriptedClient> e : ctx.clients().entrySet()) {
            out.put(e.getKey(), e.getValue().inbox().position());
        }
        return out;
    }

    private void restore(Map<String, Integer> positions) {
        positions.forEach((name, pos) -> ctx.client(name).inbox().position(pos));
    }
}
