package org.auscult.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A folder of recordings and nothing else: a researcher's export, a phone's recordings, a day's clinic. Every
 * recording in the folder and in the folders below it is kept, unlabelled (hidden folders skipped, links to folders
 * not followed), so the collection can be browsed, classified and labelled. The ids keep the sub-folders
 * ({@code ward2/p1/apex}), so equal file names in different folders stay apart. The patient is the file stem unless
 * {@link ImportOptions#folderPatients()} asks for the part of the name before the first '_'; a name Record mode
 * wrote ({@code p12_MV_20261205-083000}) names its patient ({@code p12}). The source is empty.
 *
 * <p>Recognised last: any folder with a recording somewhere below it fits, so every layout with a tell-tale file
 * comes first.
 */
final class PlainFolderReader implements LayoutReader {

    @Override
    public Layout layout() {
        return Layout.PLAIN_FOLDER;
    }

    @Override
    public boolean recognises(Path folderOrFile) {
        try {
            return Files.isDirectory(folderOrFile) && !FolderPerClassReader.audioFilesUnder(folderOrFile).isEmpty();
        } catch (IOException unreadable) {
            return false;
        }
    }

    @Override
    public RecordingCollection read(Path folderOrFile, ImportOptions options) throws IOException {
        if (!Files.isDirectory(folderOrFile)) {
            throw new UnrecognisedCollectionException(folderOrFile, layout(), "a folder is expected");
        }
        AudioFolderScan scan = AudioFolderScan.of(folderOrFile, true);
        List<Path> recordings = scan.audioFiles();
        if (recordings.isEmpty()) {
            throw new UnrecognisedCollectionException(folderOrFile, layout(), "it holds no recordings");
        }
        FolderPatients patients = new FolderPatients(folderOrFile, options);
        recordings.forEach(recording -> patients.add(folderOrFile, recording));
        List<String> patientOf = patients.patients();
        CollectionBuilder builder = new CollectionBuilder(folderOrFile, layout(), options);
        scan.problems().forEach(problem -> builder.problem(problem.file(), 0, problem.reason()));
        for (int i = 0; i < recordings.size(); i++) {
            builder.add(null, 0, recordings.get(i), "", "", patientOf.get(i), "", Map.of());
        }
        return builder.build();
    }
}
