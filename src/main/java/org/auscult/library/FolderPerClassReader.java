package org.auscult.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.auscult.audio.AudioFiles;

/**
 * {@code <root>/<label>/**.wav} (or .flac, .mp3): the folder names the class. Recordings in folders below a class
 * folder belong to that class too ({@code murmur/p1/apex.wav} is a murmur): researchers group recordings by patient,
 * ward or day under the class, and leaving those out silently would shrink the collection without a word; audio in a
 * format that cannot be decoded (.ogg, .m4a, ...) is listed as well, for the import to report. Recordings directly in
 * the root are kept as unlabelled; folders whose name starts with '.' are skipped at every depth, and links to
 * folders are not followed (so a link cannot pull in a recording twice or loop). A link that leads nowhere or loops,
 * in a class folder or at the root, is named as a problem ({@link AudioFolderScan}). Nothing in this layout says who was
 * recorded, so the patient is the file stem (each file its own patient) unless {@link ImportOptions#folderPatients()}
 * asks for the part of the name before the first '_' ({@code p12_apex.wav} -> {@code p12}); a name Record mode wrote
 * names its patient ({@code p12_MV_20261205-083000.wav} -> {@code p12}). The source is empty.
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
                if (!audioFilesUnder(classFolder).isEmpty()) {
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
        FolderPatients patients = new FolderPatients(folderOrFile, options);
        List<Path> files = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        CollectionBuilder builder = new CollectionBuilder(folderOrFile, layout(), options);
        for (Path classFolder : classFolders(folderOrFile)) {
            String label = classFolder.getFileName().toString();
            AudioFolderScan scan = AudioFolderScan.of(classFolder, true);
            scan.problems().forEach(problem -> builder.problem(problem.file(), 0, problem.reason()));
            for (Path wav : scan.audioFiles()) {
                patients.add(classFolder, wav);
                files.add(wav);
                labels.add(label);
            }
        }
        AudioFolderScan rootScan = AudioFolderScan.directlyIn(folderOrFile);
        rootScan.problems().forEach(problem -> builder.problem(problem.file(), 0, problem.reason()));
        for (Path wav : rootScan.audioFiles()) {
            patients.add(folderOrFile, wav);
            files.add(wav);
            labels.add("");
        }
        List<String> patientOfFile = patients.patients();
        for (int i = 0; i < files.size(); i++) {
            builder.add(null, 0, files.get(i), labels.get(i), labels.get(i), patientOfFile.get(i), "", Map.of());
        }
        return builder.build();
    }

    /**
     * The audio files in {@code classFolder} and every folder below it, in path order; hidden folders left out. The
     * ids keep the sub-folders ({@code murmur/p1/apex}), so equal file names in different folders stay apart.
     */
    static List<Path> audioFilesUnder(Path classFolder) throws IOException {
        return AudioFolderScan.of(classFolder, true).audioFiles();
    }
}
