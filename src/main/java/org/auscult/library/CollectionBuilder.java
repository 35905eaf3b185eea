package org.auscult.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.auscult.audio.AudioFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the recordings of one import, whatever the layout: checks that each listed file exists and passes the
 * {@link RecordingCheck}, turns written labels into training labels, and catches duplicate rows. Layout readers only
 * say what they found; every rule that is the same for all layouts lives here.
 */
final class CollectionBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(CollectionBuilder.class);

    /**
     * Where a recording was first listed and the label that row gave, to name the row and compare labels when the
     * same file is listed again.
     */
    private record Listing(int index, Path labelFile, int line, Optional<String> label) {
    }

    private final Path root;
    private final Layout layout;
    private final ImportOptions options;
    private final List<Recording> recordings = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Map<Path, Listing> listings = new HashMap<>();

    CollectionBuilder(Path root, Layout layout, ImportOptions options) {
        this.root = root.toAbsolutePath().normalize();
        this.layout = layout;
        this.options = options;
    }

    Path root() {
        return root;
    }

    ImportOptions options() {
        return options;
    }

    /**
     * Adds a recording listed in a label file (or found on disk when {@code labelFile} is null).
     *
     * @param labelFile     the label file that lists it, or null for a file found on disk
     * @param line          1-based row of the listing, 0 when none
     * @param recording     the audio file
     * @param originalLabel the label as written, "" when none
     * @param labelToTrain  the written label to map to a training label, "" for none
     * @param patient       the patient, or "" to make the recording its own patient
     * @param source        device/site/subset, "" when unknown
     * @param metadata      further facts to keep
     */
    void add(Path labelFile, int line, Path recording, String originalLabel, String labelToTrain, String patient,
             String source, Map<String, String> metadata) {
        Path file = recording.toAbsolutePath().normalize();
        Path listedIn = labelFile != null ? labelFile : file;
        Optional<String> label = options.trainingLabel(labelToTrain);
        Listing earlier = listings.get(file);
        if (earlier != null) {
            duplicate(listedIn, line, file, label, earlier);
            return;
        }
        if (!Files.exists(file)) {
            problems.add(new ImportProblem(listedIn, line, ImportProblem.LISTED_BUT_MISSING + file));
            return;
        }
        String id = idOf(root, file);
        Recording added = new Recording(file, id, label, originalLabel, patient.isBlank() ? id : patient, source,
                metadata);
        Optional<String> problem = unsupportedAudio(file).or(() -> options.check().problem(file));
        if (problem.isPresent()) {
            problems.add(new ImportProblem(listedIn, line, "unreadable recording " + file + ": " + problem.get()));
            added = added.unreadable(problem.get());
        }
        listings.put(file, new Listing(recordings.size(), listedIn, line, label));
        recordings.add(added);
    }

    /** A row whose recording is not where the row says: reported, not imported. */
    void missing(Path labelFile, int line, String what) {
        problems.add(new ImportProblem(labelFile, line, ImportProblem.LISTED_BUT_MISSING + what));
    }

    /** Any other problem that does not stop the import. */
    void problem(Path file, int line, String reason) {
        problems.add(new ImportProblem(file, line, reason));
    }

    /** Problems already found, such as the rows a {@link CsvTable} skipped for their width. */
    void problems(List<ImportProblem> found) {
        problems.addAll(found);
    }

    /** True when {@code recording} was already added. */
    boolean contains(Path recording) {
        return listings.containsKey(recording.toAbsolutePath().normalize());
    }

    /**
     * A second row for a file already listed. The first row wins; when the two rows disagree on the label, neither
     * can be believed, so the recording is kept but not trained on.
     */
    private void duplicate(Path labelFile, int line, Path file, Optional<String> label, Listing earlier) {
        String where = earlier.labelFile().equals(labelFile) ? "line " + earlier.line()
                : earlier.labelFile() + (earlier.line() > 0 ? " line " + earlier.line() : "");
        if (earlier.label().equals(label)) {
            problems.add(new ImportProblem(labelFile, line, "duplicate row for " + file + ", already listed on "
                    + where + "; ignored"));
            return;
        }
        String conflict = "conflicting labels for " + file + ": '" + earlier.label().orElse("") + "' on " + where
                + " and '" + label.orElse("") + "' here; not trained on";
        problems.add(new ImportProblem(labelFile, line, conflict));
        recordings.set(earlier.index(), recordings.get(earlier.index()).withoutLabel(conflict));
    }

    /** Path relative to {@code root}, without extension, with '/' separators; absolute when outside the root. */
    static String idOf(Path root, Path file) {
        Path relative = file.startsWith(root) ? root.relativize(file) : file;
        String id = relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
        int dot = id.lastIndexOf('.');
        return dot > id.lastIndexOf('/') + 1 ? id.substring(0, dot) : id;
    }

    RecordingCollection build() {
        List<Recording> sorted = new ArrayList<>(recordings);
        sorted.sort(Comparator.comparing(Recording::id));
        RecordingCollection collection = new RecordingCollection(root, layout, sorted, problems);
        LOG.info("Imported {} collection at {}: {} recordings ({} trainable), {} problems", layout, root,
                sorted.size(), collection.trainable().size(), problems.size());
        // the caller shows the problems to the user; the log only keeps them for diagnosis
        problems.forEach(problem -> LOG.debug("{}", problem));
        return collection;
    }

    /**
     * Why a file named like audio that cannot be decoded (an .ogg, .m4a, ...) is unusable: the decoder's own words,
     * with the format its first bytes show and a conversion command. Empty for recordings, and for such a file whose
     * contents are WAV, FLAC or MP3 after all.
     */
    private static Optional<String> unsupportedAudio(Path file) {
        return AudioFiles.isUnsupportedAudioFile(file) ? AudioFiles.unsupportedReason(file) : Optional.empty();
    }

    /**
     * The files named like audio ({@link AudioFiles#isAudioFile}) directly inside {@code folder}, sorted by name; none
     * when it is not a folder. Audio in a format that cannot be decoded is among them, for the import to report
     * instead of leaving it out without a word.
     */
    static List<Path> audioFilesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(AudioFiles::isAudioFile).filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The file name without its extension. */
    static String stem(Path file) {
        String name = Objects.requireNonNull(file.getFileName(), "file name").toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
