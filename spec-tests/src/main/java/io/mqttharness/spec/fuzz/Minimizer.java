package io.mqttharness.spec.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging (Zeller's ddmin) of a reproducer, first over whole sessions, then over the packets of the
 * sessions left: the smallest sequence that still makes the broker fail. Every check replays on a fresh broker,
 * so the number of checks is capped; the smallest failing sequence found so far is returned when the cap is hit.
 */
final class Minimizer {
    /** One packet of one session. */
    record Step(int session, byte[] bytes) {
    }

    private final Predicate<List<List<byte[]>>> fails;
    private final int maxChecks;
    private int checks;

    /** @param fails replays sessions on a fresh broker and says whether it failed */
    Minimizer(Predicate<List<List<byte[]>>> fails, int maxChecks) {
        this.fails = fails;
        this.maxChecks = maxChecks;
    }

    int checks() {
        return checks;
    }

    /** A smaller (1-minimal unless the cap was hit) sub-sequence of {@code sessions} that still fails. */
    List<List<byte[]>> minimize(List<List<byte[]>> sessions) {
        List<List<byte[]>> fewerSessions = ddmin(sessions, candidate -> fails.test(candidate));
        List<Step> steps = ddmin(flatten(fewerSessions), candidate -> fails.test(group(candidate)));
        return group(steps);
    }

    private <T> List<T> ddmin(List<T> items, Predicate<List<T>> test) {
        int n = 2;
        while (items.size() >= 2 && checks < maxChecks) {
            List<List<T>> chunks = split(items, n);
            boolean reduced = false;
            for (int i = 0; i < chunks.size() && checks < maxChecks; i++) {
                if (check(chunks.get(i), test)) {
                    items = chunks.get(i);
                    n = 2;
                    reduced = true;
                    break;
                }
                List<T> complement = complement(chunks, i);
                if (n > 2 && checks < maxChecks && check(complement, test)) {
                    items = complement;
                    n = Math.max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (n >= items.size()) {
                    break;
                }
                n = Math.min(items.size(), 2 * n);
            }
        }
        return items;
    }

    private <T> boolean check(List<T> candidate, Predicate<List<T>> test) {
        checks++;
        return test.test(candidate);
    }

    static List<Step> flatten(List<List<byte[]>> sessions) {
        List<Step> steps = new ArrayList<>();
        for (int s = 0; s < sessions.size(); s++) {
            for (byte[] p : sessions.get(s)) {
                steps.add(new Step(s, p));
            }
        }
        return steps;
    }

    /** Packets back into sessions: consecutive steps of the same session share a connection. */
    static List<List<byte[]>> group(List<Step> steps) {
        List<List<byte[]>> sessions = new ArrayList<>();
        int current = -1;
        for (Step step : steps) {
            if (step.session() != current) {
                sessions.add(new ArrayList<>());
                current = step.session();
            }
            sessions.get(sessions.size() - 1).add(step.bytes());
        }
        return sessions;
    }

    private static <T> List<List<T>> split(List<T> items, int n) {
        List<List<T>> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = start + (items.size() - start) / (n - i);
            if (end > start) {
                chunks.add(new ArrayList<>(items.subList(start, end)));
            }
            start = end;
        }
        return chunks;
    }

    private static <T> List<T> complement(List<List<T>> chunks, int skip) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            if (i != skip) {
                out.addAll(chunks.get(i));
            }
        }
        return out;
    }
}
