package org.auscult.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The files a command will write, checked before it starts its work: a command that analyses a collection for an
 * hour and then finds that it may not replace its output has wasted the hour, and one that writes a table and then
 * refuses its sidecar leaves a table paired with another run's configuration. Every output a command names goes
 * through {@link #check} first; the writing itself still goes through {@link AtomicFiles}, which refuses again if a
 * file appeared in the meantime. An output never replaces what the command reads, not even with --force: the
 * command would read its own half-written output, or the user's recordings or labels would be lost.
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
     * What a command reads: the paths the user named as inputs (null entries are inputs not given) and, inside a
     * named folder, the files {@code readInFolder} accepts (its recordings and label files, say).
     */
    public record Inputs(List<Path> named, Predicate<Path> readInFolder) {

        /** A command that reads no file a user could name as an output. */
        public static final Inputs NONE = new Inputs(List.of(), file -> false);

        public Inputs {
            named = named.stream().filter(Objects::nonNull).toList();
            Objects.requireNonNull(readInFolder, "readInFolder");
        }
    }

    /**
     * Checks that every target (null entries are outputs the user did not ask for) can be written: its folder
     * exists, it is not a folder, and it does not exist unless {@code overwrite}.
     *
     * @throws RefusedException naming every target that cannot be written, before anything is written
     */
    public static void check(boolean overwrite, Path... targets) {
        check(overwrite, Inputs.NONE, targets);
    }

    /** Checks the targets of {@link #check(boolean, Path...)} given as a list. */
    public static void check(boolean overwrite, List<Path> targets) {
        check(overwrite, Inputs.NONE, targets);
    }

    /** As {@link #check(boolean, Path...)}, refusing besides every target that is one of the {@code inputs}. */
    public static void check(boolean overwrite, Inputs inputs, List<Path> targets) {
        check(overwrite, inputs, targets.toArray(Path[]::new));
    }

    /** As {@link #check(boolean, Path...)}, refusing besides every target that is one of the {@code inputs}. */
    public static void check(boolean overwrite, Inputs inputs, Path... targets) {
        List<String> problems = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path target : targets) {
            if (target == null) {
                continue;
            }
            if (target.toString().equals("-")) { // the usual name of standard output, which no output here is
                problems.add("-: outputs are written to files, not standard output; name a file (./- for a file "
                        + "called -)");
                continue;
            }
            Path absolute = target.toAbsolutePath().normalize();
            if (!seen.add(absolute)) {
                problems.add(VisibleText.of(target + ": named twice as an output"));
                continue;
            }
            Optional<String> problem = readByTheCommand(target, inputs);
            (problem.isPresent() ? problem : problem(absolute, target, overwrite)).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new RefusedException(problems);
        }
    }

    /** Why {@code target} would replace something the command reads, if it would; paths compared as resolved. */
    private static Optional<String> readByTheCommand(Path target, Inputs inputs) {
        Path written = realPath(target);
        for (Path input : inputs.named()) {
            Path read = realPath(input);
            if (written.equals(read)) {
                return Optional.of(VisibleText.of(target + ": is one of the inputs; name another file to write"
                        + " (--force never replaces an input)"));
            }
            if (written.startsWith(read) && Files.isDirectory(read) && Files.isRegularFile(written)
                    && inputs.readInFolder().test(written)) {
                return Optional.of(VisibleText.of(target + ": is read from the input folder " + input
                        + "; name another file to write (--force never replaces an input)"));
            }
        }
        return Optional.empty();
    }

    /**
     * The path with links resolved, so that two names of one file compare equal: the real path when it exists,
     * else its folder's real path and its name, else the absolute normalised path.
     */
    static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException | SecurityException missing) {
            Path folder = absolute.getParent();
            try {
                return folder == null ? absolute : folder.toRealPath().resolve(absolute.getFileName());
            } catch (IOException | SecurityException alsoMissing) {
                return absolute;
            }
        }
    }

    private static Optional<String> problem(Path absolute, Path named, boolean overwrite) {
        Objects.requireNonNull(named);
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            return Optional.of(VisibleText.of(named + ": is a folder; name a file to write"));
        }
        if (folder == null || !Files.isDirectory(folder)) {
            return Optional.of(VisibleText.of(named + ": the folder " + folder + " does not exist"));
        }
        if (!overwrite && Files.exists(absolute)) {
            return Optional.of(VisibleText.of(named + " already exists; use --force to replace it"));
        }
        if (Files.exists(absolute) ? !Files.isWritable(absolute) : !Files.isWritable(folder)) {
            return Optional.of(VisibleText.of(named + ": cannot be written here (no permission)"));
        }
        try {
            AtomicFiles.checkWritable(absolute); // what access rights do not show: a read-only disk, /proc, root's
        } catch (java.nio.file.FileSystemException e) {
            return Optional.of(VisibleText.of(named + ": cannot be written here (" + why(e, folder) + ")"));
        } catch (IOException e) {
            return Optional.of(VisibleText.of(named + ": cannot be written here (" + e.getMessage() + ")"));
        }
        return Optional.empty();
    }

    private static String why(java.nio.file.FileSystemException e, Path folder) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "no permission";
        }
        if (e.getReason() != null) {
            return e.getReason();
        }
        return e instanceof java.nio.file.NoSuchFileException ? "no file can be created in " + folder
                : "the file system refuses it";
    }
}
