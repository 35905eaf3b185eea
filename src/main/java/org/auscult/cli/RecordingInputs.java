package org.auscult.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.auscult.analysis.FeatureTableBuilder.Failure;
import org.auscult.analysis.FeatureTableBuilder.Input;
import org.auscult.analysis.WavHeaderCheck;
import org.auscult.library.CollectionImporter;
import org.auscult.library.ImportOptions;
import org.auscult.library.ImportProblem;
import org.auscult.library.Layout;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;

/**
 * Turns what the user named on the command line into recordings: WAV files as they are; a collection (a folder
 * or label file in any known layout) with its labels, patients and sources; any other folder as all the WAV
 * files under it, unlabelled.
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
            } else if (Files.isRegularFile(path) && isWav(path)) {
                inputs.add(Input.of(path, stem(path.getFileName())));
            } else if (layout.isPresent() || CollectionImporter.detect(path).isPresent()) {
                ImportOptions checked = ImportOptions.defaults().withCheck(new WavHeaderCheck())
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
                for (ImportProblem problem : collection.problems()) {
                    problems.add(new Failure(problem.file(), problem.reason()));
                }
            } else if (Files.isDirectory(path)) {
                List<Path> wavs = wavFilesUnder(path);
                if (wavs.isEmpty()) {
                    problems.add(new Failure(path, "a folder with no WAV recordings in it or below it"));
                }
                for (Path wav : wavs) {
                    inputs.add(Input.of(wav, stem(path.relativize(wav))));
                }
            } else {
                problems.add(new Failure(path, "neither a WAV file, a folder, nor a label file of a known layout"));
            }
        }
        return new Resolved(inputs, problems, collections);
    }

    static List<Path> wavFilesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(RecordingInputs::isWav).sorted().toList();
        }
    }

    static boolean isWav(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav");
    }

    private static String stem(Path path) {
        String name = path.toString().replace('\\', '/');
        return name.toLowerCase(Locale.ROOT).endsWith(".wav") ? name.substring(0, name.length() - 4) : name;
    }
}
