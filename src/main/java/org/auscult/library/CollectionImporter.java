package org.auscult.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Imports a labelled collection of recordings in any known {@link Layout}: every recording, its label, its patient
 * and its source.
 *
 * <p>Detection tries the layouts from the most specific tell-tale to the least: Kaggle PASCAL (its CSV headers),
 * PhysioNet 2016 (REFERENCE.csv), CirCor 2022 (training_data.csv or the samples' labels.csv), a generic CSV (a
 * labels.csv or a single CSV with path and label columns), folder-per-class, which any folder with WAVs in
 * subfolders would satisfy, and last a plain folder of unlabelled recordings, which any folder with a recording
 * anywhere below it satisfies. An explicit {@link ImportOptions#layout()} skips detection.
 *
 * <p>A label file that cannot be read stops the import with a {@link CollectionFormatException}; a malformed row
 * (skipped) and a missing, duplicate or unreadable recording become {@link ImportProblem}s and the import goes on.
 */
public final class CollectionImporter {

    /** In detection order. */
    private static final List<LayoutReader> READERS = List.of(new KagglePascalReader(), new PhysioNet2016Reader(),
            new CirCor2022Reader(), new GenericCsvReader(), new FolderPerClassReader(), new PlainFolderReader());

    /**
     * @param folderOrLabelFile a collection folder, or one of its label files
     * @throws NoSuchFileException              when the path does not exist
     * @throws UnrecognisedCollectionException  when no layout is recognised (or the named one does not fit)
     * @throws CollectionFormatException        when a label file is malformed
     */
    public RecordingCollection importCollection(Path folderOrLabelFile, ImportOptions options) throws IOException {
        Objects.requireNonNull(folderOrLabelFile, "folderOrLabelFile");
        Objects.requireNonNull(options, "options");
        if (!Files.exists(folderOrLabelFile)) {
            throw new NoSuchFileException(folderOrLabelFile.toString(), null, "collection not found");
        }
        Layout layout = options.layout().isPresent() ? options.layout().get()
                : detect(folderOrLabelFile).orElseThrow(() -> new UnrecognisedCollectionException(folderOrLabelFile));
        return readerFor(layout).read(folderOrLabelFile, options);
    }

    /** The layout of a folder or label file, or empty when none is recognised (or the path does not exist). */
    public static Optional<Layout> detect(Path folderOrLabelFile) {
        Objects.requireNonNull(folderOrLabelFile, "folderOrLabelFile");
        if (!Files.exists(folderOrLabelFile)) {
            return Optional.empty();
        }
        return READERS.stream().filter(reader -> reader.recognises(folderOrLabelFile)).map(LayoutReader::layout)
                .findFirst();
    }

    /**
     * Whether {@code file} is a label file an import of its folder would read: one a layout knows by its name or
     * header (REFERENCE.csv, training_data.csv, PASCAL's set CSVs), or the generic layout's label file of its folder
     * (labels.csv, else the only CSV there with path and label columns). Any other CSV is not, though a generic
     * import would take it when named.
     */
    public static boolean isLabelFile(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            return false;
        }
        for (LayoutReader reader : READERS) {
            if (reader instanceof GenericCsvReader) {
                try {
                    Path folder = file.toAbsolutePath().getParent();
                    if (GenericCsvReader.labelFileIn(folder).map(Path::toAbsolutePath)
                            .filter(file.toAbsolutePath()::equals).isPresent()) {
                        return true;
                    }
                } catch (IOException unreadable) {
                    // a folder that cannot be listed cannot be imported either
                }
            } else if (reader.recognises(file)) {
                return true;
            }
        }
        return false;
    }

    private static LayoutReader readerFor(Layout layout) {
        return READERS.stream().filter(reader -> reader.layout() == layout).findFirst()
                .orElseThrow(() -> new IllegalStateException("no reader for " + layout));
    }
}
