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
import org.auscult.io.OutputTargets;
import org.auscult.library.AudioFolderScan;
import org.auscult.library.CollectionImporter;
import org.auscult.library.FolderPatients;
import org.auscult.library.ImportOptions;
import org.auscult.library.ImportProblem;
import org.auscult.library.Layout;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;
import org.auscult.library.RecordingIds;

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

        /**
         * Every input a result table should name without values: each collection recording that failed the import
         * check, by its id with the problem found, then {@link RecordingInputs#notReached} of the other problems.
         */
        List<NotReached> notReached() {
            List<Failure> unmatched = new ArrayList<>(problems);
            List<NotReached> result = new ArrayList<>();
            for (RecordingCollection collection : collections) {
                collection.recordings().stream().filter(recording -> !recording.readable()).forEach(unread ->
                        result.add(new NotReached(unread.id(), takeProblemOf(unread.path(), unmatched))));
            }
            result.addAll(RecordingInputs.notReached(unmatched));
            return result;
        }

        /**
         * What the import check found wrong with {@code recording}: the first of {@code problems} about it (its own,
         * or a label row naming it), taken out of the list.
         */
        private static String takeProblemOf(Path recording, List<Failure> problems) {
            for (Failure problem : problems) {
                if (problem.file().equals(recording) || problem.problem().contains(recording.toString())) {
                    problems.remove(problem);
                    return problem.problem();
                }
            }
            return "could not be read";
        }
    }

    /** An input a result table names without values: its name as the user would find it, and why. */
    record NotReached(String name, String problem) {
    }

    /** How a collection's problem on a row of its label file begins. */
    private static final String LINE_PREFIX = "line ";

    /**
     * The {@code problems} that are inputs a result table should name, by their name and why: a file that does not
     * exist, a folder that cannot be read, a recording a label file lists but that is missing. A label row's own
     * problem (skipped, conflicting) is the label file's, not an input's, and is left out.
     */
    static List<NotReached> notReached(List<Failure> problems) {
        List<NotReached> result = new ArrayList<>();
        for (Failure problem : problems) {
            String text = problem.problem();
            int missing = text.indexOf(ImportProblem.LISTED_BUT_MISSING);
            if (missing >= 0) {
                result.add(new NotReached(text.substring(missing + ImportProblem.LISTED_BUT_MISSING.length()), text));
            } else if (!text.startsWith(LINE_PREFIX)) {
                result.add(new NotReached(problem.file().toString(), text));
            }
        }
        return result;
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
                problems.add(new Failure(path, AudioFolderScan.brokenLink(path).orElse("no such file or folder")));
            } else if (Files.isRegularFile(path) && AudioFiles.isAudioFile(path)) {
                inputs.add(new Input(path, stem(path.getFileName()), "", FolderPatients.ofFileAlone(path), ""));
            } else if (layout.isPresent() || CollectionImporter.detect(path).isPresent()) {
                ImportOptions checked = ImportOptions.defaults().withCheck(new RecordingHeaderCheck())
                        .withLabelMapping(labelMapping);
                ImportOptions options = layout.map(checked::withLayout).orElse(checked);
                RecordingCollection collection = new CollectionImporter().importCollection(path, options);
                collections.add(collection);
                for (Recording recording : collection.recordings()) {
                    if (!recording.readable()) {
                        continue; // failed the import check: reported below with the collection's problems
                    }
                    inputs.add(Input.of(recording));
                }
                for (ImportProblem problem : collection.problems()) {
                    // the row's line, so that a label file's problem can be found in it
                    problems.add(new Failure(problem.file(), problem.line() > 0
                            ? LINE_PREFIX + problem.line() + ": " + problem.reason() : problem.reason()));
                }
            } else if (Files.isDirectory(path)) {
                AudioFolderScan scan = AudioFolderScan.of(path, false);
                scan.problems().forEach(problem -> problems.add(new Failure(problem.file(), problem.reason())));
                List<Path> wavs = scan.audioFiles();
                if (wavs.isEmpty() && scan.problems().isEmpty()) { // otherwise they say why none was found
                    problems.add(new Failure(path,
                            "a folder with no recordings (WAV, FLAC or MP3) in it or below it"));
                }
                wavs.forEach(wav -> inputs.add(Input.of(wav, stem(path.relativize(wav)))));
            } else {
                problems.add(new Failure(path, "neither a recording (WAV, FLAC or MP3), a folder, nor a label file of a"
                        + " known layout"));
            }
        }
        return new Resolved(distinctIds(inputs), problems, collections);
    }

    /**
     * The inputs with ids that tell them apart ({@link RecordingIds#distinct}): recordings of the same name in
     * different folders would otherwise share an output file and a table row. A recording that was its own patient
     * stays so under its new id.
     */
    private static List<Input> distinctIds(List<Input> inputs) {
        List<String> ids = RecordingIds.distinct(inputs.stream().map(Input::path).toList(),
                inputs.stream().map(Input::id).toList());
        List<Input> renamed = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            String id = ids.get(i);
            renamed.add(id.equals(input.id()) ? input : new Input(input.path(), id, input.label(),
                    input.patient().equals(input.id()) ? id : input.patient(), input.source()));
        }
        return renamed;
    }

    /**
     * What a command reads, for its outputs to keep clear of: the recordings, folders and collections {@code named}
     * and, inside a named folder, its audio files, its label tables and the annotations (.tsv, .hea) beside a
     * recording; and the single files options name ({@code namedFiles}: a model, a configuration; null entries are
     * options not given). A folder given where a file was expected is left for the option to refuse.
     */
    static OutputTargets.Inputs readFrom(List<Path> named, Path... namedFiles) {
        List<Path> all = new ArrayList<>(named == null ? List.of() : named);
        for (Path input : new ArrayList<>(all)) {
            if (input != null && Files.isRegularFile(input) && !AudioFiles.isAudioFile(input)
                    && CollectionImporter.detect(input).isPresent()) {
                // a label file reads the recordings it lists, wherever they are, and sits among them
                all.addAll(listedBy(input));
                Optional.ofNullable(input.toAbsolutePath().getParent()).ifPresent(all::add);
            }
        }
        for (Path file : namedFiles) {
            if (file != null && !Files.isDirectory(file)) {
                all.add(file);
            }
        }
        return new OutputTargets.Inputs(all, RecordingInputs::isReadInFolder);
    }

    /** The recordings {@code labelFile} lists; none when it cannot be read, which the command itself reports. */
    private static List<Path> listedBy(Path labelFile) {
        try {
            return new CollectionImporter().importCollection(labelFile, ImportOptions.defaults()).recordings()
                    .stream().map(Recording::path).toList();
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }

    private static boolean isReadInFolder(Path file) {
        return AudioFiles.isAudioFile(file) || CollectionImporter.isLabelFile(file)
                || isAnnotationOfRecording(file);
    }

    private static boolean isAnnotationOfRecording(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".tsv") && !name.endsWith(".hea")) {
            return false;
        }
        String stem = file.getFileName().toString().substring(0, name.length() - 4);
        return AudioFiles.EXTENSIONS.stream().anyMatch(extension -> Files.exists(file.resolveSibling(stem + extension)));
    }

    /** The recordings (WAV, FLAC, MP3) in {@code folder} and below it, in path order. */
    static List<Path> recordingFilesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(AudioFiles::isRecordingFile).sorted().toList();
        }
    }

    /** The path with '/' separators and without its recording extension: the recording's id. */
    private static String stem(Path path) {
        return AudioFiles.stripExtension(path.toString().replace('\\', '/'));
    }
}
