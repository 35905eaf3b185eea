package org.auscult.io;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * Writes files so that a reader never sees half of one and a crash never costs the old one: the content goes to a
 * temporary file in the same folder, is forced to disk, and is then moved over the target in one step. Every file
 * Auscult writes for the user (tables, models, recordings, segmentations) goes through here.
 */
public final class AtomicFiles {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param overwrite when false and {@code target} exists, nothing is written and
     *                  {@link FileAlreadyExistsException} is thrown: a user's file is replaced only on request
     * @throws NoSuchFileException when the target's folder does not exist (it is not created behind the user's back)
     */
    public static void write(Path target, boolean overwrite, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (!overwrite && Files.exists(absolute)) {
            throw alreadyExists(absolute);
        }
        Path folder = absolute.getParent();
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(absolute.toString(), null, "the folder " + folder + " does not exist");
        }
        try {
            Path temporary = newTemporaryFile(absolute);
            try {
                writeTemporary(temporary, content);
                moveIntoPlace(temporary, absolute, overwrite);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (FileSystemException e) {
            throw aboutTarget(e, absolute);
        } catch (IOException e) {
            // a plain IOException ("File too large", "No space left on device") names no file: name the target
            throw (IOException) new FileSystemException(absolute.toString(), null, e.getMessage()).initCause(e);
        }
    }

    /**
     * Checks that {@link #write} could put a file at {@code target} by creating and removing the temporary file it
     * would start with: permissions, a read-only or special file system ({@code /proc}) all show here, before the
     * work whose result it is, not after it.
     *
     * @throws IOException naming {@code target} and what stops it being written
     */
    public static void checkWritable(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        try {
            Files.delete(newTemporaryFile(absolute));
        } catch (FileSystemException e) {
            throw aboutTarget(e, absolute);
        }
    }

    /** One file of a group written by {@link #writeAll}. */
    public record Target(Path path, Content content) {
    }

    /**
     * Writes files that belong together (a table and its sidecar) as one unit: every file is written to its
     * temporary first, and only when all are complete are they moved into place. Without {@code overwrite}, if any
     * target exists nothing is written; if one cannot be moved into place, those already placed are removed again
     * (they did not exist before). With {@code overwrite}, the old files are kept aside until all new ones are in
     * place and put back if one fails. A reader never finds a new table beside an old sidecar.
     *
     * @throws FileAlreadyExistsException when {@code overwrite} is false and a target exists; nothing is written
     */
    public static void writeAll(java.util.List<Target> targets, boolean overwrite) throws IOException {
        try {
            writeAllOnce(targets, overwrite);
        } catch (FileSystemException e) {
            for (Target target : targets) {
                Path absolute = target.path().toAbsolutePath();
                if (isTemporaryOf(e.getFile(), absolute)) {
                    throw aboutTarget(e, absolute);
                }
            }
            throw e;
        }
    }

    private static void writeAllOnce(java.util.List<Target> targets, boolean overwrite) throws IOException {
        java.util.List<Path> paths = targets.stream().map(t -> t.path().toAbsolutePath()).toList();
        for (Path path : paths) {
            if (!overwrite && Files.exists(path)) {
                throw alreadyExists(path);
            }
            if (!Files.isDirectory(path.getParent())) {
                throw new NoSuchFileException(path.toString(), null, "the folder " + path.getParent()
                        + " does not exist");
            }
        }
        java.util.List<Path> temporaries = new java.util.ArrayList<>();
        java.util.List<Path> backups = new java.util.ArrayList<>();
        java.util.List<Path> placed = new java.util.ArrayList<>();
        boolean complete = false;
        try {
            for (int i = 0; i < targets.size(); i++) {
                Path temporary = newTemporaryFile(paths.get(i));
                temporaries.add(temporary);
                writeTemporary(temporary, targets.get(i).content());
            }
            for (Path path : paths) {
                if (overwrite && Files.exists(path)) {
                    Path backup = newTemporaryFile(path);
                    Files.move(path, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    backups.add(backup);
                } else {
                    backups.add(null);
                }
            }
            for (int i = 0; i < paths.size(); i++) {
                moveIntoPlace(temporaries.get(i), paths.get(i), false);
                placed.add(paths.get(i));
            }
            complete = true;
        } finally {
            if (!complete) {
                for (Path path : placed) {
                    Files.deleteIfExists(path);
                }
                for (int i = 0; i < backups.size(); i++) {
                    if (backups.get(i) != null) {
                        Files.move(backups.get(i), paths.get(i), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } else {
                for (Path backup : backups) {
                    if (backup != null) {
                        Files.deleteIfExists(backup);
                    }
                }
            }
            for (Path temporary : temporaries) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private static void writeTemporary(Path temporary, Content content) throws IOException {
        try (FileOutputStream file = new FileOutputStream(temporary.toFile());
             OutputStream out = new BufferedOutputStream(file, 1 << 16)) {
            content.writeTo(out);
            out.flush();
            file.getChannel().force(true);
        }
    }

    /**
     * Without permission to replace, a hard link gives "create unless it exists" in one step, so a file that
     * appeared while writing is not lost either; where hard links are not supported a plain atomic move has to do.
     */
    private static void moveIntoPlace(Path temporary, Path target, boolean overwrite) throws IOException {
        if (overwrite) {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return;
        }
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            throw alreadyExists(target);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * A fresh file beside the target. Not {@link Files#createTempFile}: that makes the file private to its owner
     * (rw-------), and the finished file would keep those permissions instead of the user's usual ones (umask).
     */
    private static Path newTemporaryFile(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = target.resolveSibling("." + target.getFileName() + "."
                    + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".partial");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    private static boolean isTemporaryOf(String file, Path target) {
        return file != null && file.startsWith(target.resolveSibling("." + target.getFileName() + ".").toString())
                && file.endsWith(".partial");
    }

    /**
     * The failure as the user should read it: about the file they asked for, not the hidden temporary beside it,
     * which they never named and which no longer exists. The original stays as the cause.
     */
    private static FileSystemException aboutTarget(FileSystemException e, Path target) {
        if (!isTemporaryOf(e.getFile(), target) && !isTemporaryOf(e.getOtherFile(), target)) {
            return e;
        }
        String file = target.toString();
        String reason = e.getReason();
        FileSystemException mapped = e instanceof NoSuchFileException ? new NoSuchFileException(file, null, reason)
                : e instanceof java.nio.file.AccessDeniedException
                        ? new java.nio.file.AccessDeniedException(file, null, reason)
                : e instanceof FileAlreadyExistsException ? new FileAlreadyExistsException(file, null, reason)
                : new FileSystemException(file, null, reason);
        mapped.initCause(e);
        return mapped;
    }

    private static FileAlreadyExistsException alreadyExists(Path target) {
        return new FileAlreadyExistsException(target.toString(), null,
                "already exists; choose another name or ask to overwrite it");
    }
}
