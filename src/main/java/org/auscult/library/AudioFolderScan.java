package org.auscult.library;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.auscult.audio.AudioFiles;
import org.auscult.io.FileProblem;

/**
 * The audio files ({@link AudioFiles#isAudioFile}) in a folder and every folder below it, in path order, and what
 * could not be looked into: a folder that cannot be read, a link to nothing, a link that leads back to itself. One
 * such entry in a large collection is named as a problem and the rest is still read, instead of one unreadable
 * sub-folder stopping the whole run. A link to a recording counts as the recording; links to folders are not
 * followed.
 *
 * @param audioFiles the audio files found, sorted
 * @param problems   the entries that could not be read, each with its path and why
 */
public record AudioFolderScan(List<Path> audioFiles, List<ImportProblem> problems) {

    public AudioFolderScan {
        audioFiles = List.copyOf(audioFiles);
        problems = List.copyOf(problems);
    }

    /**
     * Scans {@code folder} and below it.
     *
     * @param skipHiddenFolders leave out folders whose name starts with a dot (below {@code folder} itself)
     * @throws IOException when the walk itself fails; an unreadable {@code folder} is a problem like any other
     */
    public static AudioFolderScan of(Path folder, boolean skipHiddenFolders) throws IOException {
        return scan(folder, skipHiddenFolders, Integer.MAX_VALUE);
    }

    /**
     * The audio files directly in {@code folder}, not below it, and the links there that lead nowhere or loop (a
     * collection's root, whose sub-folders are read on their own).
     */
    public static AudioFolderScan directlyIn(Path folder) throws IOException {
        return scan(folder, false, 1);
    }

    private static AudioFolderScan scan(Path folder, boolean skipHiddenFolders, int depth) throws IOException {
        List<Path> found = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Files.walkFileTree(folder, Set.of(), depth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return skipHiddenFolders && !dir.equals(folder) && dir.getFileName().toString().startsWith(".")
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isSymbolicLink()) {
                    visitLink(file, found, problems);
                } else if (attributes.isRegularFile() && AudioFiles.isAudioFile(file)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                problems.add(new ImportProblem(file, 0, "cannot read folder: " + why(failure)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) {
                if (failure != null) { // the folder stopped listing halfway
                    problems.add(new ImportProblem(dir, 0, "cannot read all of the folder: " + why(failure)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return new AudioFolderScan(found, problems);
    }

    /** A link to a recording is the recording; one that leads nowhere is a problem; one to a folder is passed by. */
    private static void visitLink(Path link, List<Path> found, List<ImportProblem> problems) {
        Optional<String> broken = brokenLink(link);
        if (broken.isPresent()) {
            problems.add(new ImportProblem(link, 0, broken.get()));
        } else if (Files.isRegularFile(link) && AudioFiles.isAudioFile(link)) {
            found.add(link);
        }
    }

    /**
     * Why {@code path} is a link that cannot be followed ("a link to nothing: x.wav does not exist", "a loop of
     * links: it leads back to itself"); empty for a link that leads somewhere and for anything that is not a link.
     */
    public static Optional<String> brokenLink(Path path) {
        if (!Files.isSymbolicLink(path)) {
            return Optional.empty();
        }
        try {
            Files.readAttributes(path, BasicFileAttributes.class);
            return Optional.empty();
        } catch (NoSuchFileException dangling) {
            return Optional.of("a link to nothing: " + linkTarget(path) + " does not exist");
        } catch (IOException unresolved) {
            String why = why(unresolved);
            return Optional.of(why.startsWith("Too many levels of symbolic links")
                    ? "a loop of links: it leads back to itself" : "a link that cannot be followed: " + why);
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "its target";
        }
    }

    /** The file system's reason in words, without the path it already names. */
    static String why(IOException failure) {
        return FileProblem.of(failure);
    }
}
