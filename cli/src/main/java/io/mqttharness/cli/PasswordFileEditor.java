package io.mqttharness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Adds or replaces one {@code user:hash} line of a mosquitto password file and keeps every other line
 * (other users, comments) as it was. Writes go through a temporary file and a rename, so a crash never
 * leaves a half-written file that would lock every user out.
 */
final class PasswordFileEditor {

    /** mosquitto 2.0 warns about password files readable by others; new files are owner-only. */
    private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");

    private PasswordFileEditor() {
    }

    /**
     * Puts {@code entry} (a complete {@code user:hash} line) for {@code user} into {@code file}.
     *
     * @param create start a new file, replacing any existing one (mosquitto_passwd -c)
     * @return whether the user was already in the file
     * @throws CliException when the file is missing (without create) or cannot be read or written
     */
    static boolean put(Path file, boolean create, String user, String entry) {
        List<String> lines = create ? new ArrayList<>() : readExisting(file);
        String prefix = user + ":";
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                // Replace the first entry and drop duplicates: the broker would only ever use one of them.
                if (replaced) {
                    lines.remove(i--);
                } else {
                    lines.set(i, entry);
                    replaced = true;
                }
            }
        }
        if (!replaced) {
            lines.add(entry);
        }
        write(file, lines);
        return replaced;
    }

    private static List<String> readExisting(Path file) {
        if (!Files.exists(file)) {
            throw new CliException(CliException.RUNTIME_FAILURE,
                    "password file not found: " + file + " (use -c to create it)");
        }
        try {
            return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException(CliException.RUNTIME_FAILURE, "cannot read password file " + file + ": " + describe(e), e);
        }
    }

    private static void write(Path file, List<String> lines) {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            Path dir = target.getParent();
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            Files.write(temp, lines, StandardCharsets.UTF_8);
            setPermissions(temp, Files.exists(target) ? existingPermissions(target) : NEW_FILE_PERMISSIONS);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new CliException(CliException.RUNTIME_FAILURE, "cannot write password file " + file + ": " + describe(e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort: the original error is the one worth reporting.
                }
            }
        }
    }

    /** NIO puts only the path into most messages; say what went wrong instead. */
    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + e.getMessage() + ")";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory (" + e.getMessage() + ")";
        }
        return CliExecutionExceptionHandler.describe(e);
    }

    private static Set<PosixFilePermission> existingPermissions(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        return view == null ? NEW_FILE_PERMISSIONS : view.readAttributes().permissions();
    }

    private static void setPermissions(Path file, Set<PosixFilePermission> permissions) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(permissions);
        }
    }
}
