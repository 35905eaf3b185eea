package org.auscult.library;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.auscult.audio.AudioFiles;

/**
 * A label file anyone can write: a CSV with a {@code path} and a {@code label} column, optional {@code patient} and
 * {@code source} columns, and any further columns kept as metadata. Paths are relative to the CSV's folder and must
 * stay inside it ({@code ../elsewhere/x.wav} is refused); absolute paths are taken as they are, as
 * {@code labels export --format collection} writes them, but outside the CSV's folder only for files named like
 * audio, so that a label file cannot have any other file opened; a path whose links lead outside the folder is held
 * to the same rule, by where they lead. '\' is read as a folder separator, for files
 * written on Windows. An empty label means unlabelled; an empty or absent patient makes the recording its own
 * patient. A row of the wrong width, with an empty path, or whose path is refused, is reported as a problem with its
 * line and skipped.
 *
 * <p>A folder is read when it holds a {@code labels.csv}, or exactly one CSV with {@code path} and {@code label}
 * columns.
 */
final class GenericCsvReader implements LayoutReader {

    static final String DEFAULT_NAME = "labels.csv";

    @Override
    public Layout layout() {
        return Layout.GENERIC_CSV;
    }

    /**
     * A CSV file given by name is taken as a generic label file (the catch-all for CSVs, so that a missing 'label'
     * column is reported as such rather than as an unknown layout); in a folder, see {@link #labelFileIn(Path)}.
     */
    @Override
    public boolean recognises(Path folderOrFile) {
        if (Files.isDirectory(folderOrFile)) {
            try {
                return labelFileIn(folderOrFile).isPresent();
            } catch (IOException unreadable) {
                return false;
            }
        }
        return isCsv(folderOrFile);
    }

    /** labels.csv, else the only CSV in the folder with 'path' and 'label' columns. */
    static Optional<Path> labelFileIn(Path folder) throws IOException {
        Path labels = folder.resolve(DEFAULT_NAME);
        if (Files.isRegularFile(labels)) {
            return Optional.of(labels);
        }
        List<Path> candidates;
        try (Stream<Path> children = Files.list(folder)) {
            candidates = children.filter(GenericCsvReader::isCsv)
                    .filter(csv -> CsvTable.hasColumns(csv, "path", "label"))
                    .toList();
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private static boolean isCsv(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    @Override
    public RecordingCollection read(Path folderOrFile, ImportOptions options) throws IOException {
        Path csv = folderOrFile;
        if (Files.isDirectory(folderOrFile)) {
            csv = labelFileIn(folderOrFile).orElseThrow(() -> new UnrecognisedCollectionException(folderOrFile,
                    layout(), "no " + DEFAULT_NAME + " and not exactly one CSV with 'path' and 'label' columns"));
        }
        CsvTable table = CsvTable.withHeaderSkippingMalformedRows(csv);
        int pathColumn = table.requireColumn("path");
        int labelColumn = table.requireColumn("label");
        Optional<Integer> patientColumn = table.column("patient");
        Optional<Integer> sourceColumn = table.column("source");
        Set<Integer> known = new HashSet<>(List.of(pathColumn, labelColumn));
        patientColumn.ifPresent(known::add);
        sourceColumn.ifPresent(known::add);

        Path folder = csv.toAbsolutePath().getParent();
        CollectionBuilder builder = new CollectionBuilder(folder, layout(), options);
        builder.problems(table.skipped());
        boolean slashSeparated = FileSystems.getDefault().getSeparator().equals("/");
        for (CsvTable.Row row : table.rows()) {
            String written = row.get(pathColumn);
            if (written.isEmpty()) {
                builder.problem(csv, row.line(), "empty path; row skipped");
                continue;
            }
            Path listed = Path.of(slashSeparated ? written.replace('\\', '/') : written);
            Optional<String> refused = outsideTheFolder(folder, listed);
            if (refused.isPresent()) {
                builder.problem(csv, row.line(), refused.get());
                continue;
            }
            Path recording = folder.resolve(listed);
            builder.add(csv, row.line(), recording, row.get(labelColumn), row.get(labelColumn),
                    patientColumn.map(row::get).orElse(""), sourceColumn.map(row::get).orElse(""),
                    table.otherColumns(row, known));
        }
        return builder.build();
    }

    /**
     * Why a row's path is refused: a relative path that leads out of {@code folder} ({@code ../x.wav}), or a path
     * outside it, as written or once its links are followed, to a file not named like audio ({@code /etc/passwd},
     * or {@code evil.wav} linking to it); empty for any other path. A file that does not exist is left to the
     * import, which reports it as missing.
     */
    static Optional<String> outsideTheFolder(Path folder, Path listed) {
        Path resolved = folder.resolve(listed).normalize();
        if (!resolved.startsWith(folder.normalize())) {
            if (!listed.isAbsolute()) {
                return Optional.of("path outside the collection folder: " + listed + " leads out of " + folder
                        + "; row skipped");
            }
            if (!AudioFiles.isAudioFile(resolved)) {
                return Optional.of("path outside the collection folder: " + listed
                        + " is not named like a recording (WAV, FLAC or MP3); row skipped");
            }
        }
        return linkedOutside(folder, resolved).map(target -> "path outside the collection folder: " + listed
                + " links to " + target + ", which is not named like a recording (WAV, FLAC or MP3); row skipped");
    }

    /**
     * Where {@code file} really is, after following its links, when that is outside {@code folder} and not a file
     * named like audio; empty otherwise, and for a file that cannot be resolved (missing, a link to nothing).
     */
    private static Optional<Path> linkedOutside(Path folder, Path file) {
        try {
            Path real = file.toRealPath();
            boolean inside = real.startsWith(folder.toRealPath());
            return inside || AudioFiles.isAudioFile(real) ? Optional.empty() : Optional.of(real);
        } catch (IOException unresolved) {
            return Optional.empty();
        }
    }
}
