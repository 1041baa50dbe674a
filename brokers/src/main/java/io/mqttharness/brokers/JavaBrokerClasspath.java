package io.mqttharness.brokers;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The isolated classpath of a third-party Java broker (HiveMQ CE, Moquette) and its source-file launcher, prepared
 * in a cache directory: the resolution pom and launcher are extracted from this jar, and {@code mvn validate} on
 * that pom writes the broker's runtime classpath from the local Maven repository (offline first, then online from
 * Maven Central). A resolved classpath is reused while all its jars exist. Works the same from the tests and from
 * the CLI jar, as long as Maven is installed.
 *
 * <p>Cache directory: system property {@value #CACHE_PROPERTY}, else {@code $XDG_CACHE_HOME/mqtt-harness/brokers},
 * else {@code ~/.cache/mqtt-harness/brokers}. Maven: system property {@value #MVN_PROPERTY}, else
 * {@code $MAVEN_HOME/bin/mvn}, else {@code mvn} on PATH. Local repository: system property
 * {@value #REPO_PROPERTY} when set, else Maven's default.
 */
final class JavaBrokerClasspath {
    static final String CACHE_PROPERTY = "mqtt-harness.brokers.cache";
    static final String MVN_PROPERTY = "mqtt-harness.mvn";
    static final String REPO_PROPERTY = "mqtt-harness.maven.repo.local";
    private static final long RESOLVE_TIMEOUT_MINUTES = 10;
    private static final Object LOCK = new Object();

    /**
     * @param classpath the broker's jars, path-separated
     * @param launcher the extracted launcher source file
     */
    record Prepared(String classpath, Path launcher) {
    }

    private JavaBrokerClasspath() {
    }

    /**
     * Prepares the broker {@code name} at {@code version}.
     *
     * @param launcherFile the launcher resource next to {@code name.pom.xml}, e.g. {@code MoquetteLauncher.java}
     * @throws BrokerUnavailableException when Maven is missing or cannot resolve the jars; says why and where the
     *     log is
     */
    static Prepared prepare(String name, String version, String launcherFile) throws BrokerUnavailableException {
        synchronized (LOCK) {
            Path dir = cacheRoot().resolve(name + "-" + version);
            try {
                Files.createDirectories(dir);
                Path pom = extract(name + ".pom.xml", dir.resolve("pom.xml"));
                Path launcher = extract(launcherFile, dir.resolve(launcherFile));
                Path file = dir.resolve(name + ".classpath");
                String classpath = usable(file);
                if (classpath == null) {
                    resolve(name, version, pom, dir);
                    classpath = usable(file);
                    if (classpath == null) {
                        throw new BrokerUnavailableException(name + " " + version + ": mvn did not write a usable "
                                + file + " (see " + dir.resolve("resolve.log") + ")");
                    }
                }
                return new Prepared(classpath, launcher);
            } catch (IOException e) {
                throw new BrokerUnavailableException(name + " " + version + ": cannot prepare " + dir + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /** The cache root (see the class comment). */
    static Path cacheRoot() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("mqtt-harness").resolve("brokers");
    }

    private static Path extract(String resource, Path target) throws IOException {
        try (InputStream in = JavaBrokerClasspath.class.getResourceAsStream("isolated/" + resource)) {
            if (in == null) {
                throw new IOException("resource isolated/" + resource + " is missing from the mqtt-harness jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** The classpath in {@code file} when every entry still exists, else null. */
    private static String usable(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String classpath = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (classpath.isEmpty()) {
            return null;
        }
        boolean complete = Arrays.stream(classpath.split(File.pathSeparator)).allMatch(p -> Files.exists(Path.of(p)));
        return complete ? classpath : null;
    }

    /** Offline first (fast, and no network needed when the jars are there), then online. */
    private static void resolve(String name, String version, Path pom, Path dir) throws BrokerUnavailableException {
        String mvn = findMaven();
        if (mvn == null) {
            throw new BrokerUnavailableException("Maven (mvn) not found: it resolves " + name + " " + version
                    + " from Maven Central (install maven, or set MAVEN_HOME or -D" + MVN_PROPERTY + "=PATH)");
        }
        Path log = dir.resolve("resolve.log");
        if (runMaven(mvn, pom, dir, log, true) == 0) {
            return;
        }
        int code = runMaven(mvn, pom, dir, log, false);
        if (code != 0) {
            throw new BrokerUnavailableException("cannot resolve " + name + " " + version
                    + " from Maven Central (mvn exit " + code + ": " + lastError(log) + "; log " + log + ")");
        }
    }

    private static int runMaven(String mvn, Path pom, Path dir, Path log, boolean offline)
            throws BrokerUnavailableException {
        List<String> command = new ArrayList<>(List.of(mvn, "-B", "-q", "-f", pom.toString(),
                "-Dhivemq-ce.version=" + PinnedVersions.get("hivemq-ce.version"),
                "-Dmoquette.version=" + PinnedVersions.get("moquette.version"),
                "-Ddependency-plugin.version=" + PinnedVersions.get("dependency-plugin.version"),
                "-Dbroker.classpath.dir=" + dir));
        String repo = System.getProperty(REPO_PROPERTY);
        if (repo != null && !repo.isBlank()) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        if (offline) {
            command.add("-o");
        }
        command.add("validate");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            if (!p.waitFor(RESOLVE_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new BrokerUnavailableException("mvn did not resolve " + pom + " within "
                        + RESOLVE_TIMEOUT_MINUTES + " minutes (log " + log + ")");
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new BrokerUnavailableException("cannot run " + mvn + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while resolving " + pom, e);
        }
    }

    private static File nullDevice() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }

    private static String lastError(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.stream().filter(l -> l.contains("ERROR")).findFirst()
                    .orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1)).strip();
        } catch (IOException e) {
            return "no log";
        }
    }

    private static String findMaven() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty(MVN_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        for (String home : new String[] {System.getenv("MAVEN_HOME"), System.getenv("M2_HOME"),
                System.getProperty("maven.home")}) {
            if (home != null && !home.isBlank()) {
                candidates.add(Path.of(home, "bin", "mvn"));
            }
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty()) {
                candidates.add(Path.of(d, "mvn"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
    }
}
