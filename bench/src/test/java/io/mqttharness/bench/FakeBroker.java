package io.mqttharness.bench;

import io.mqttharness.brokers.BrokerLauncher;
import io.mqttharness.brokers.RunningBroker;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A "broker" that is this JVM: gives the bench a real process to sample without starting anything. */
class FakeBroker implements RunningBroker {
    static final AtomicInteger STARTS = new AtomicInteger();

    static BrokerLauncher launcher(String name) {
        return new BrokerLauncher() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RunningBroker start() {
                STARTS.incrementAndGet();
                return new FakeBroker(name);
            }
        };
    }

    private final String name;

    FakeBroker(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "fake " + name;
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return 1;
    }

    @Override
    public long pid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public String launch() {
        return "in the test JVM";
    }

    @Override
    public Map<String, Boolean> capabilities() {
        return Map.of();
    }

    @Override
    public String logTail() {
        return "";
    }

    @Override
    public Path logFile() {
        return null;
    }

    @Override
    public void close() {
    }
}
