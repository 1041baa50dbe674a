package io.mqttharness.reports.bench;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Links from the report's directory to files next to the bench results (certify reports), as relative URLs. */
final class RelativeLinks {
    private RelativeLinks() {
    }

    /**
     * A relative URL from directory {@code from} to {@code target}, with {@code #fragment} when not null; the
     * absolute file URI when the two share no root (another drive).
     */
    static String href(Path from, Path target, String fragment) {
        Path base = from.toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        String path;
        try {
            Path rel = base.relativize(to);
            StringBuilder sb = new StringBuilder();
            for (Path part : rel) {
                if (sb.length() > 0) {
                    sb.append('/');
                }
                sb.append(part);
            }
            path = new URI(null, null, sb.toString(), null).getRawPath();
        } catch (IllegalArgumentException | URISyntaxException e) {
            path = to.toUri().toString();
        }
        if (path.isEmpty()) {
            path = ".";
        }
        return fragment == null ? path : path + "#" + encodeFragment(fragment);
    }

    private static String encodeFragment(String fragment) {
        try {
            return new URI(null, null, null, fragment).getRawFragment();
        } catch (URISyntaxException e) {
            return fragment;
        }
    }
}
