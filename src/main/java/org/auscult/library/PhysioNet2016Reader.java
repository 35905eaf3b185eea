package org.auscult.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The PhysioNet/CinC Challenge 2016 training set: folders {@code training-a} ... {@code training-f}, each with a
 * headerless {@code REFERENCE.csv} of rows {@code a0001,1} (1 = abnormal, -1 = normal) beside {@code a0001.wav}.
 * Each record is its own group (the challenge does not say which records share a subject), and the folder is the
 * source, since every folder was recorded by a different team with a different stethoscope. Only {@code training-*}
 * folders are read: the challenge's {@code validation} folder repeats training records and would count them twice.
 * A folder holding a REFERENCE.csv itself is read as a one-source collection.
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
            for (CsvTable.Row row : CsvTable.withoutHeader(reference, 2)) {
                String record = row.get(0);
                if (record.isEmpty() || record.contains("/") || record.contains("\\")) {
                    throw new CollectionFormatException(reference, row.line(),
                            "record name must be a plain file name without extension, found '" + record + "'");
                }
                builder.add(reference, row.line(), folder.resolve(record + ".wav"), row.get(1),
                        labelOf(reference, row), record, source, Map.of());
            }
            for (Path wav : CollectionBuilder.audioFilesIn(folder)) {
                if (!builder.contains(wav)) {
                    builder.add(null, 0, wav, "", "", CollectionBuilder.stem(wav), source,
                            Map.of("note", "not listed in " + REFERENCE));
                }
            }
        }
        return builder.build();
    }

    private static String labelOf(Path reference, CsvTable.Row row) throws CollectionFormatException {
        return switch (row.get(1)) {
            case "1" -> "abnormal";
            case "-1" -> "normal";
            default -> throw new CollectionFormatException(reference, row.line(),
                    "label must be 1 (abnormal) or -1 (normal), found '" + row.get(1) + "'");
        };
    }
}
