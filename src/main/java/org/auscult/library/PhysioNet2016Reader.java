package org.auscult.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The PhysioNet/CinC Challenge 2016 training set: folders {@code training-a} ... {@code training-f}, each with a
 * headerless {@code REFERENCE.csv} of rows {@code a0001,1} (1 = abnormal, -1 = normal) beside {@code a0001.wav}.
 * Each record is its own group (the challenge does not say which records share a subject), and the folder is the
 * source, since every folder was recorded by a different team with a different stethoscope. Only {@code training-*}
 * folders are read: the challenge's {@code validation} folder repeats training records and would count them twice.
 * A folder holding a REFERENCE.csv itself is read as a one-source collection.
 *
 * <p>A row of the wrong width, whose record name is not a plain file name, or whose label is neither 1 nor -1 is
 * reported as a problem with its line and skipped; its recording, if it has one, is kept unlabelled like a recording
 * no row lists. A REFERENCE.csv that cannot be read as CSV (not UTF-8, an unterminated quote) stops the import.
 */
final class PhysioNet2016Reader implements LayoutReader {

    static final String REFERENCE = "REFERENCE.csv";

    @Override
    public Layout layout() {
        return Layout.PHYSIONET_2016;
    }

    @Override
    public boolean recognises(Path folderOrFile) {
        if (Files.isRegularFile(folderOrFile)) {
            return folderOrFile.getFileName().toString().equalsIgnoreCase(REFERENCE);
        }
        try {
            return !sourceFolders(folderOrFile).isEmpty();
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** The folder itself when it holds REFERENCE.csv, else its {@code training-*} subfolders that do, sorted. */
    private static List<Path> sourceFolders(Path folder) throws IOException {
        if (Files.isRegularFile(folder.resolve(REFERENCE))) {
            return List.of(folder);
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> child.getFileName().toString().startsWith("training-"))
                    .filter(child -> Files.isRegularFile(child.resolve(REFERENCE)))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public RecordingCollection read(Path folderOrFile, ImportOptions options) throws IOException {
        Path root = Files.isDirectory(folderOrFile) ? folderOrFile : folderOrFile.toAbsolutePath().getParent();
        List<Path> folders = sourceFolders(root);
        if (folders.isEmpty()) {
            throw new UnrecognisedCollectionException(folderOrFile, layout(),
                    "no " + REFERENCE + " and no training-* folder with one");
        }
        CollectionBuilder builder = new CollectionBuilder(root, layout(), options);
        for (Path folder : folders) {
            Path reference = folder.resolve(REFERENCE);
            String source = folder.toAbsolutePath().normalize().getFileName().toString();
            CsvTable table = CsvTable.withoutHeaderSkippingMalformedRows(reference, 2);
            builder.problems(table.skipped());
            boolean rowsSkipped = !table.skipped().isEmpty();
            for (CsvTable.Row row : table.rows()) {
                String record = row.get(0);
                if (record.isEmpty() || record.contains("/") || record.contains("\\")) {
                    builder.problem(reference, row.line(), "record name must be a plain file name without "
                            + "extension, found '" + record + "'; row skipped");
                    rowsSkipped = true;
                    continue;
                }
                Optional<String> label = labelOf(row.get(1));
                if (label.isEmpty()) {
                    builder.problem(reference, row.line(), "label must be 1 (abnormal) or -1 (normal), found '"
                            + row.get(1) + "'; row skipped");
                    rowsSkipped = true;
                    continue;
                }
                builder.add(reference, row.line(), folder.resolve(record + ".wav"), row.get(1), label.get(), record,
                        source, Map.of());
            }
            // a skipped row may have named a recording, so "not listed" would not be known to be true
            String unlisted = rowsSkipped ? "not on any row read from " + REFERENCE + " (some rows were skipped)"
                    : "not listed in " + REFERENCE;
            for (Path wav : CollectionBuilder.audioFilesIn(folder)) {
                if (!builder.contains(wav)) {
                    builder.add(null, 0, wav, "", "", CollectionBuilder.stem(wav), source, Map.of("note", unlisted));
                }
            }
        }
        return builder.build();
    }

    /** {@code 1} -> abnormal, {@code -1} -> normal; empty for anything else. */
    private static Optional<String> labelOf(String written) {
        return switch (written) {
            case "1" -> Optional.of("abnormal");
            case "-1" -> Optional.of("normal");
            default -> Optional.empty();
        };
    }
}
