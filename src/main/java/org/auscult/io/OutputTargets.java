package org.auscult.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The files a command will write, checked before it starts its work: a command that analyses a collection for an
 * hour and then finds that it may not replace its output has wasted the hour, and one that writes a table and then
 * refuses its sidecar leaves a table paired with another run's configuration. Every output a command names goes
 * through {@link #check} first; the writing itself still goes through {@link AtomicFiles}, which refuses again if a
 * file appeared in the meantime.
 */
public final class OutputTargets {

    private OutputTargets() {
    }

    /** An output that may not be written; the message names every file and why. */
    public static final class RefusedException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final List<String> problems;

        RefusedException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * Checks that every target (null entries are outputs the user did not ask for) can be written: its folder
     * exists, it is not a folder, and it does not exist unless {@code overwrite}.
     *
     * @throws RefusedException naming every target that cannot be written, before anything is written
     */
    public static void check(boolean overwrite, Path... targets) {
        List<String> problems = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path target : targets) {
            if (target == null) {
                continue;
            }
            Path absolute = target.toAbsolutePath().normalize();
            if (!seen.add(absolute)) {
                problems.add(VisibleText.of(target + ": named twice as an output"));
                continue;
            }
            problem(absolute, target, overwrite).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new RefusedException(problems);
        }
    }

    /** Checks the targets of {@link #check(boolean, Path...)} given as a list. */
    public static void check(boolean overwrite, List<Path> targets) {
        check(overwrite, targets.toArray(Path[]::new));
    }

    private static java.util.Optional<String> problem(Path absolute, Path named, boolean overwrite) {
        Objects.requireNonNull(named);
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            return java.util.Optional.of(VisibleText.of(named + ": is a folder; name a file to write"));
        }
        if (folder == null || !Files.isDirectory(folder)) {
            return java.util.Optional.of(VisibleText.of(named + ": the folder " + folder + " does not exist"));
        }
        if (!overwrite && Files.exists(absolute)) {
            return java.util.Optional.of(VisibleText.of(named + " already exists; use --force to replace it"));
        }
        if (Files.exists(absolute) ? !Files.isWritable(absolute) : !Files.isWritable(folder)) {
            return java.util.Optional.of(VisibleText.of(named + ": cannot be written here (no permission)"));
        }
        return java.util.Optional.empty();
    }
}
