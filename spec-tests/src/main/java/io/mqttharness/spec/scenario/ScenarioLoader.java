package io.mqttharness.spec.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds and parses scenario files: the built-in ones under {@value #BUILT_IN} on the classpath (in a directory
 * or inside a jar) and any {@code *.yaml}/{@code *.yml} below user-given directories, so users can add
 * scenarios without recompiling. Scenario IDs must be unique across all sources.
 */
public final class ScenarioLoader {
    /** Classpath folder of the built-in scenarios, one subfolder per area. */
    public static final String BUILT_IN = "io/mqttharness/spec/scenarios";

    private ScenarioLoader() {
    }

    /** The built-in scenarios, sorted by ID. */
    public static List<Scenario> builtIn() {
        URL url = ScenarioLoader.class.getClassLoader().getResource(BUILT_IN);
        if (url == null) {
            throw new ScenarioSyntaxException("built-in scenarios not found on the classpath at " + BUILT_IN);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = openJar(uri)) {
                    return load(fs.getPath("/" + BUILT_IN), "classpath:");
                }
            }
            return load(Path.of(uri), "classpath:");
        } catch (URISyntaxException | IOException e) {
            throw new ScenarioSyntaxException("cannot list built-in scenarios at " + url + ": " + e.getMessage(), e);
        }
    }

    /** The built-in scenarios (if {@code includeBuiltIn}) plus those below each directory, sorted by ID. */
    public static List<Scenario> load(boolean includeBuiltIn, List<Path> directories) {
        List<Scenario> all = new ArrayList<>(includeBuiltIn ? builtIn() : List.of());
        for (Path dir : directories) {
            if (!Files.isDirectory(dir)) {
                throw new ScenarioSyntaxException("scenario directory " + dir + " does not exist or is not a directory");
            }
            all.addAll(load(dir, ""));
        }
        Map<String, Scenario> byId = new HashMap<>();
        for (Scenario s : all) {
            Scenario previous = byId.put(s.id(), s);
            if (previous != null) {
                throw new ScenarioSyntaxException("scenario id '" + s.id() + "' is defined twice: in "
                        + previous.source() + " and in " + s.source());
            }
        }
        all.sort((a, b) -> a.id().compareTo(b.id()));
        return Collections.unmodifiableList(all);
    }

    private static List<Scenario> load(Path root, String sourcePrefix) {
        List<Scenario> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> yamlFiles = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
            for (Path file : yamlFiles) {
                String source = sourcePrefix.isEmpty() ? file.toString()
                        : sourcePrefix + BUILT_IN + "/" + root.relativize(file).toString().replace('\\', '/');
                out.add(ScenarioParser.parse(Files.readString(file, StandardCharsets.UTF_8), source));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenarios below " + root + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static FileSystem openJar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // another thread has it open; a fresh one over the same jar file is independent of it
            String jar = uri.getSchemeSpecificPart();
            jar = jar.substring(0, jar.indexOf("!/"));
            return FileSystems.newFileSystem(Path.of(URI.create(jar)), (ClassLoader) null);
        }
    }
}
