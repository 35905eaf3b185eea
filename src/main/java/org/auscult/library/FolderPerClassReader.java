package org.auscult.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code <root>/<label>/*.wav}: the folder names the class. WAVs directly in the root are kept as unlabelled;
 * folders whose name starts with '.' are skipped. Nothing in this layout says who was recorded, so the patient is
 * the file stem (each file its own patient) unless {@link ImportOptions#folderPatients()} asks for the part of the
 * name before the first '_' ({@code p12_apex.wav} -> {@code p12}). The source is empty.
 */
final class FolderPerClassReader implements LayoutReader {

    @Override
    public Layout layout() {
        return Layout.FOLDER_PER_CLASS;
    }

    @Override
    public boolean recognises(Path folderOrFile) {
        try {
            for (Path classFolder : classFolders(folderOrFile)) {
                if (!CollectionBuilder.wavFilesIn(classFolder).isEmpty()) {
                    return true;
                }
            }
            return false;
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static List<Path> classFolders(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public RecordingCollection read(Path folderOrFile, ImportOptions options) throws IOException {
        if (!Files.isDirectory(folderOrFile)) {
            throw new UnrecognisedCollectionException(folderOrFile, layout(), "a folder is expected");
        }
        CollectionBuilder builder = new CollectionBuilder(folderOrFile, layout(), options);
        for (Path classFolder : classFolders(folderOrFile)) {
            String label = classFolder.getFileName().toString();
            for (Path wav : CollectionBuilder.wavFilesIn(classFolder)) {
                builder.add(null, 0, wav, label, label, patientOf(wav, options), "", Map.of());
            }
        }
        for (Path wav : CollectionBuilder.wavFilesIn(folderOrFile)) {
            builder.add(null, 0, wav, "", "", patientOf(wav, options), "", Map.of());
        }
        return builder.build();
    }

    private static String patientOf(Path wav, ImportOptions options) {
        String stem = CollectionBuilder.stem(wav);
        int underscore = stem.indexOf('_');
        return options.folderPatients() == ImportOptions.PatientNaming.PREFIX_BEFORE_UNDERSCORE && underscore > 0
                ? stem.substring(0, underscore) : stem;
    }
}
