package io.mqttharness.spec.fuzz;

import io.mqttharness.codec.MqttVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Black-box fuzzing of any MQTT broker over TCP: plays mutated client sessions ({@link SessionTemplates},
 * {@link SessionMutator}) one connection after the other while a separate control connection pings every
 * interval ({@link LivenessMonitor}). When the broker stops answering or drops the control connection, the run
 * stops, the sessions of the window before the failure are saved as a scenario ({@link ReproducerWriter}), and a
 * minimised one: by delta debugging re-checked on a fresh broker when the target can restart, else the last
 * session alone (best effort).
 */
public final class Fuzzer {
    /** Sessions kept for the reproducer: the window since the last answered ping, with a cap on memory. */
    private static final int MAX_WINDOW = 20_000;
    /** A healthy broker answers PINGREQ in milliseconds; longer, and new sessions wait so the window stays small. */
    private static final long SLOW_PING_NANOS = 100_000_000L;
    private static final int MAX_MINIMIZE_CHECKS = 48;
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;
    private static final int REFUSALS_FOR_CRASH = 3;
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final FuzzTarget target;
    private final FuzzOptions options;
    private final Consumer<String> progress;

    /** @param progress receives one line now and then (status, finding, where reproducers went) */
    public Fuzzer(FuzzTarget target, FuzzOptions options, Consumer<String> progress) {
        this.target = target;
        this.options = options;
        this.progress = progress;
    }

    /**
     * Fuzzes for the configured duration or until the first finding.
     *
     * @throws FuzzTargetUnreachableException when the control connection cannot be set up at the start
     */
    public FuzzResult run() throws FuzzTargetUnreachableException {
        MqttVersion version = options.version();
        ControlConnection control;
        try {
            control = ControlConnection.open(target.address(), version, options.pingTimeout());
        } catch (IOException e) {
            throw new FuzzTargetUnreachableException("cannot connect to " + target.describe() + ": " + e.getMessage(),
                    e);
        }
        Random random = new Random(options.seed());
        List<byte[]> pool = splicePool(version);
        SessionMutator mutator = new SessionMutator(random, pool);
        Deque<Sent> window = new ArrayDeque<>();
        long executions = 0;
        long connections = 0;
        int refusals = 0;
        String failure = null;
        long suspectsFrom = 0;
        long suspectsTo = Long.MAX_VALUE;
        long start = System.nanoTime();
        long end = start + options.duration().toNanos();
        long nextProgress = start + PROGRESS_EVERY_NANOS;
        try (LivenessMonitor monitor = new LivenessMonitor(control, target.address(), version,
                options.pingInterval(), options.pingTimeout())) {
            monitor.start();
            while (System.nanoTime() < end) {
                failure = monitor.failure();
                if (failure != null) {
                    break;
                }
                if (monitor.pingWaitNanos() > SLOW_PING_NANOS) {
                    // the broker may be hanging: sessions sent now would only bloat the reproducer
                    java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L); // poll the monitor, no busy loop
                    continue;
                }
                List<byte[]> template = SessionTemplates.session(version, random);
                List<byte[]> session = random.nextInt(16) == 0 ? template : mutator.mutate(template);
                long sentAt = System.nanoTime();
                boolean opened = SessionSender.send(target.address(), session);
                executions++;
                window.addLast(new Sent(sentAt, session));
                if (window.size() > MAX_WINDOW) {
                    window.removeFirst();
                }
                if (opened) {
                    connections++;
                    refusals = 0;
                } else if (++refusals >= REFUSALS_FOR_CRASH) {
                    failure = "the broker refuses new connections";
                    break;
                }
                if (System.nanoTime() >= nextProgress) {
                    nextProgress += PROGRESS_EVERY_NANOS;
                    progress.accept(status(executions, connections, System.nanoTime() - start, 0));
                }
            }
            if (failure == null) {
                failure = monitor.failure();
            }
            // sessions sent well before the last answered ping did not hang the broker on their own
            suspectsFrom = monitor.lastGoodPingStart();
            suspectsTo = monitor.failedPingStart();
            long windowStart = monitor.lastGoodPingStart() - options.pingInterval().toNanos();
            while (window.size() > 1 && window.peekFirst().at() < windowStart) {
                window.removeFirst();
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        List<FuzzFinding> findings = new ArrayList<>();
        if (failure != null) {
            progress.accept("finding: " + failure + " after " + executions + " executions; minimising "
                    + window.size() + " session(s)");
            long from = suspectsFrom;
            long to = suspectsTo;
            List<List<byte[]>> suspects = window.stream().filter(s -> s.at() >= from && s.at() <= to)
                    .map(Sent::session).toList();
            findings.add(report(failure, window.stream().map(Sent::session).toList(), suspects));
        }
        progress.accept(status(executions, connections, elapsed.toNanos(), findings.size()));
        return new FuzzResult(executions, connections, elapsed, findings);
    }

    /**
     * @param suspects the sessions sent between the start of the last answered ping and the start of the
     *        unanswered one: the best guess when the target cannot be restarted to check
     */
    private FuzzFinding report(String failure, List<List<byte[]>> full, List<List<byte[]>> suspects) {
        String id = "fuzz-" + LocalDateTime.now().format(ID_TIME);
        MqttVersion version = options.version();
        List<List<byte[]>> minimized = suspects.isEmpty() ? List.of(full.get(full.size() - 1)) : suspects;
        boolean verified = false;
        String how = "best effort: the sessions sent between the last answered and the unanswered PINGREQ, not"
                + " re-checked (a remote broker cannot be restarted)";
        if (target.restartable()) {
            if (failsOnFreshBroker(full)) {
                Minimizer minimizer = new Minimizer(this::failsOnFreshBroker, MAX_MINIMIZE_CHECKS);
                List<List<byte[]>> last = List.of(full.get(full.size() - 1));
                minimized = failsOnFreshBroker(last) ? minimizer.minimize(last) : minimizer.minimize(full);
                verified = true;
                how = "minimised by delta debugging, re-checked on a fresh broker (" + minimizer.checks() + " checks)";
            } else {
                how = "the full sequence did not make a fresh broker fail (timing or state outside the window);"
                        + " the sessions between the last answered and the unanswered PINGREQ are given as a guess";
            }
        }
        int packets = minimized.stream().mapToInt(List::size).sum();
        try {
            var fullFile = ReproducerWriter.write(options.outDir(), id + "-full", version, full,
                    "mqtt-harness fuzz (seed " + options.seed() + ") against " + target.describe() + ": " + failure
                            + "; all " + full.size() + " sessions of the window before the failure");
            var minFile = ReproducerWriter.write(options.outDir(), id + "-min", version, minimized,
                    "mqtt-harness fuzz (seed " + options.seed() + ") against " + target.describe() + ": " + failure
                            + "; " + how);
            progress.accept("reproducer: " + minFile + " (" + packets + " packets; " + how + "), full sequence: "
                    + fullFile);
            return new FuzzFinding(failure, fullFile, minFile, verified, packets);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reproducer to " + options.outDir() + ": " + e.getMessage(),
                    e);
        }
    }

    /** Restarts the target, replays {@code sessions}, and says whether the broker then fails the ping check. */
    private boolean failsOnFreshBroker(List<List<byte[]>> sessions) {
        target.restart();
        for (List<byte[]> session : sessions) {
            SessionSender.send(target.address(), session);
        }
        // a broker that is merely slow for a moment answers the second probe; a hung one answers neither
        return !answersProbe() && !answersProbe();
    }

    private boolean answersProbe() {
        try (ControlConnection probe = ControlConnection.open(target.address(), options.version(),
                options.pingTimeout())) {
            return probe.ping(options.pingTimeout()) == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static String status(long executions, long connections, long nanos, int findings) {
        double perSecond = nanos == 0 ? 0 : executions * 1e9 / nanos;
        return String.format(java.util.Locale.ROOT, "%,d executions (%.0f/s), %,d connections, %d finding(s)",
                executions, perSecond, connections, findings);
    }

    private static List<byte[]> splicePool(MqttVersion version) {
        List<byte[]> pool = new ArrayList<>();
        for (ScenarioPackets.Session s : ScenarioPackets.builtIn(version)) {
            pool.addAll(s.packets());
        }
        if (pool.isEmpty()) {
            pool.addAll(SessionTemplates.session(version, new Random(0)));
        }
        return pool;
    }

    private record Sent(long at, List<byte[]> session) {
    }
}
