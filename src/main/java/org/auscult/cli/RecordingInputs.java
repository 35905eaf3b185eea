package org.auscult.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.auscult.analysis.FeatureTableBuilder.Failure;
import org.auscult.analysis.FeatureTableBuilder.Input;
import org.auscult.analysis.RecordingHeaderCheck;
import org.auscult.audio.AudioFiles;
import org.auscult.library.CollectionImporter;
import org.auscult.library.ImportOptions;
import org.auscult.library.Layout;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;

/**
 * Turns what the user named on the command line into recordings: audio files as they are; a collection (a folder
 * or label file in any known layout) with its labels, patients and sources; any other folder as all the audio files
 * under it, unlabelled. Audio files are those {@link AudioFiles#isAudioFile} names: recordings (WAV, FLAC, MP3), and
 * audio in formats that cannot be decoded, which then fail with the reason and a conversion command instead of being
 * left out without a word.
 */
final class RecordingInputs {

    /** The recordings found, the listed ones that could not be used, and the collections read. */
    record Resolved(List<Input> inputs, List<Failure> problems, List<RecordingCollection> collections) {
    }

    private RecordingInputs() {
    }

    static Resolved resolve(List<Path> paths, Optional<Layout> layout) throws IOException {
        return resolve(paths, layout, ImportOptions.DEFAULT_LABEL_MAPPING);
    }

    /** As {@link #resolve(List, Optional)}, with collection labels renamed by {@code labelMapping} on import. */
    static Resolved resolve(List<Path> paths, Optional<Layout> layout, java.util.Map<String, String> labelMapping)
            throws IOException {
        List<Input> inputs = new ArrayList<>();
        List<Failure> problems = new ArrayList<>();
        List<RecordingCollection> collections = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                problems.add(new Failure(path, "no such file or folder"));
            } else if (Files.isRegularFile(path) && AudioFiles.isAudioFile(path)) {
                inputs.add(Input.of(path, stem(path.getFileName())));
            } else if (layout.isPresent() || CollectionImporter.detect(path).isPresent()) {
                ImportOptions checked = ImportOptions.defaults().withCheck(new RecordingHeaderCheck())
                        .withLabelMapping(labelMapping);
                ImportOptions options = layout.map(checked::withLayout).orElse(checked);
                RecordingCollection collection = new CollectionImporter().importCollection(path, options);
                collections.add(collection);
                for (Recording recording : collection.recordings()) {
                    if (recording.metadata().containsKey(Recording.PROBLEM)) {
                        continue; // failed the import check: reported below with the collection's problems
                    }
                    inputs.add(Input.of(recording));
                }
                collection.problems().forEach(problem -> problems.add(new Failure(problem.file(), problem.reason())));
            } else if (Files.isDirectory(path)) {
                List<Path> wavs = audioFilesUnder(path);
                if (wavs.isEmpty()) {
                    problems.add(new Failure(path,
                            "a folder with no recordings (WAV, FLAC or MP3) in it or below it"));
                }
                wavs.forEach(wav -> inputs.add(Input.of(wav, stem(path.relativize(wav)))));
            } else {
                problems.add(new Failure(path, "neither a recording (WAV, FLAC or MP3), a folder, nor a label file of a"
                        + " known layout"));
            }
        }
        return new Resolved(inputs, problems, collections);
    }

    /** The recordings (WAV, FLAC, MP3) in {@code folder} and below it, in path order. */
    static List<Path> recordingFilesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(AudioFiles::isRecordingFile).sorted().toList();
        }
    }

    /** The audio files in {@code folder} and below it, in path order: recordings and audio that cannot be read. */
    static List<Path> audioFilesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(AudioFiles::isAudioFile).sorted().toList();
        }
    }

    /** The path with '/' separators and without its recording extension: the recording's id. */
    private static String stem(Path path) {
        return AudioFiles.stripExtension(path.toString().replace('\\', '/'));
    }
}
