package io.mqttharness.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads request counts from a Gatling 3.13 report's {@code js/stats.js} (the report has no JSON file any
 * more). Test-only: production results must come from our own writers.
 */
public final class GatlingStats {
    /** Total, OK and KO counts of one request name ("All Requests" for the global line). */
    public record Counts(long total, long ok, long ko) {
    }

    private final String statsJs;

    private GatlingStats(String statsJs) {
        this.statsJs = statsJs;
    }

    /** The stats of the single run directory Gatling wrote under {@code resultsFolder}. */
    public static GatlingStats of(Path resultsFolder) throws IOException {
        Path run;
        try (Stream<Path> runs = Files.list(resultsFolder)) {
            run = runs.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no run directory in " + resultsFolder));
        }
        if (!Files.exists(run.resolve("index.html"))) {
            throw new IllegalStateException("no index.html in " + run);
        }
        return new GatlingStats(Files.readString(run.resolve("js/stats.js")));
    }

    /** Counts of {@code requestName}, or {@code null} if the report has no such request. */
    public Counts counts(String requestName) {
        Matcher matcher = Pattern.compile("\"name\": \"" + Pattern.quote(requestName)
                + "\",\\s*\"numberOfRequests\": \\{\\s*\"total\": \"(\\d+)\",\\s*\"ok\": \"(\\d+)\",\\s*\"ko\": \"(\\d+)\"")
                .matcher(statsJs);
        if (!matcher.find()) {
            return null;
        }
        return new Counts(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                Long.parseLong(matcher.group(3)));
    }

    public Counts global() {
        return counts("All Requests");
    }
}
