package org.auscult.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PASCAL Classifying Heart Sounds Challenge 2011 in Kaggle's "heartbeat-sounds" layout.
 *
 * <p>Kaggle's CSVs do not name the files on disk: set_b.csv says {@code set_b/Btraining_normal_103_1305031931979_B.wav}
 * for {@code set_b/normal__103_1305031931979_B.wav}, {@code Btraining_normal_Btraining_noisynormal_<id>} for
 * {@code normal_noisynormal_<id>}, {@code Bunlabelledtest_<id>} for {@code Bunlabelledtest__<id>}, and set_a.csv
 * says {@code set_a/__<id>.wav} for {@code set_a/Aunlabelledtest__<id>.wav}. So names are not trusted: a row is
 * matched to the file in its folder with the same recording id (the name from its first digit on) and the same
 * label words (the row's label and sublabel columns; none for an unlabelled row). The id alone is not unique —
 * {@code 154_1306935608852_D} is both a normal and an unlabelled recording — which is why the label words are part
 * of the key. A row whose key matches no file falls back to the only file with its id that no other row claims, if
 * there is exactly one. Files no row claims are kept as unlabelled.
 *
 * <p>Also reads a checked {@code labels.csv} ({@code path,dataset,label,sublabel,...}, label {@code unlabelled} for
 * the unlabelled files) whose paths are the real ones.
 *
 * <p>A row of the wrong width, or with an empty {@code fname} (Kaggle) or {@code path} (checked labels), is reported
 * as a problem with its line and skipped; a file it may have named is kept unlabelled like a file no row claims. A
 * label file that cannot be read as CSV (not UTF-8, an unterminated quote) or lacks a required column stops the
 * import.
 *
 * <p>Patients: in set_b the number after the label ({@code extrastole__151_1306779785624_B.wav} -> 151); in set_a
 * every file is its own patient (its file stem). Source: the folder, {@code set_a} or {@code set_b}.
 */
final class KagglePascalReader implements LayoutReader {

    private static final Logger LOG = LoggerFactory.getLogger(KagglePascalReader.class);

    static final List<String> SETS = List.of("set_a", "set_b");
    static final String CHECKED_LABELS = "labels.csv";

    /** Name words that say where a file came from, not what it is. */
    private static final Set<String> NOT_LABELS = Set.of("atraining", "btraining", "aunlabelledtest",
            "bunlabelledtest");

    /** The label word of the checked labels.csv for a file without a label. */
    private static final String UNLABELLED = "unlabelled";

    @Override
    public Layout layout() {
        return Layout.KAGGLE_PASCAL;
    }

    @Override
    public boolean recognises(Path folderOrFile) {
        if (Files.isDirectory(folderOrFile)) {
            return !kaggleCsvsIn(folderOrFile).isEmpty() || isCheckedLabels(folderOrFile.resolve(CHECKED_LABELS));
        }
        return isKaggleCsv(folderOrFile) || isCheckedLabels(folderOrFile);
    }

    /** Kaggle's header: {@code dataset,fname,label,sublabel}. */
    static boolean isKaggleCsv(Path file) {
        return CsvTable.hasColumns(file, "dataset", "fname", "label");
    }

    /** The checked truth table: {@code path,dataset,label,sublabel,...}. */
    static boolean isCheckedLabels(Path file) {
        return Files.isRegularFile(file) && CsvTable.peekHeader(file)
                .map(header -> header.size() >= 4
                        && header.subList(0, 4).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList()
                        .equals(List.of("path", "dataset", "label", "sublabel")))
                .orElse(false);
    }

    private static List<Path> kaggleCsvsIn(Path folder) {
        List<Path> csvs = new ArrayList<>();
        for (String set : SETS) {
            Path csv = folder.resolve(set + ".csv");
            if (isKaggleCsv(csv)) {
                csvs.add(csv);
            }
        }
        return csvs;
    }

    @Override
    public RecordingCollection read(Path folderOrFile, ImportOptions options) throws IOException {
        boolean folder = Files.isDirectory(folderOrFile);
        Path root = folder ? folderOrFile : folderOrFile.toAbsolutePath().getParent();
        CollectionBuilder builder = new CollectionBuilder(root, layout(), options);
        Set<Path> setFolders = new LinkedHashSet<>();
        if (folder) {
            for (String set : SETS) {
                if (Files.isDirectory(root.resolve(set))) {
                    setFolders.add(builder.root().resolve(set));
                }
            }
        }
        List<Path> kaggleCsvs = folder ? kaggleCsvsIn(folderOrFile)
                : isKaggleCsv(folderOrFile) ? List.of(folderOrFile) : List.of();
        int rowsSkipped = 0;
        if (!kaggleCsvs.isEmpty()) {
            for (Path csv : kaggleCsvs) {
                rowsSkipped += readKaggleCsv(CsvTable.withHeaderSkippingMalformedRows(csv), builder, setFolders);
            }
        } else {
            Path labels = folder ? folderOrFile.resolve(CHECKED_LABELS) : folderOrFile;
            if (!isCheckedLabels(labels)) {
                throw new UnrecognisedCollectionException(folderOrFile, layout(),
                        "no set_a.csv / set_b.csv with header dataset,fname,label,sublabel and no " + CHECKED_LABELS
                                + " with header path,dataset,label,sublabel");
            }
            rowsSkipped += readCheckedLabels(CsvTable.withHeaderSkippingMalformedRows(labels), builder, setFolders);
        }
        // a skipped row may have named a recording, so "not listed" would not be known to be true
        String unlisted = rowsSkipped > 0 ? "not on any row read from the label files (some rows were skipped)"
                : "not listed in any label file";
        for (Path setFolder : setFolders) {
            for (Path wav : CollectionBuilder.audioFilesIn(setFolder)) {
                if (!builder.contains(wav)) {
                    String source = setFolder.getFileName().toString();
                    builder.add(null, 0, wav, "", "", patientOf(source, wav), source, Map.of("note", unlisted));
                }
            }
        }
        return builder.build();
    }

    /** A Kaggle CSV row reduced to where its file should be and what it should be called. */
    private record ListedRow(CsvTable.Row row, String listedName, Path setFolder, RecordingName wanted,
                             String writtenLabel, String writtenSublabel) {
    }

    /** Adds the recordings {@code table}'s rows name; returns how many rows were skipped. */
    private int readKaggleCsv(CsvTable table, CollectionBuilder builder, Set<Path> setFolders) throws IOException {
        int fname = table.requireColumn("fname");
        int label = table.requireColumn("label");
        int dataset = table.requireColumn("dataset");
        Optional<Integer> sublabel = table.column("sublabel");
        Path csvFolder = table.file().toAbsolutePath().getParent();
        String csvStem = CollectionBuilder.stem(table.file());

        builder.problems(table.skipped());
        int rowsSkipped = table.skipped().size();
        List<ListedRow> listedRows = new ArrayList<>();
        Map<Path, FolderIndex> indexes = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String listedName = row.get(fname);
            if (listedName.isEmpty()) {
                builder.problem(table.file(), row.line(), "empty fname; row skipped");
                rowsSkipped++;
                continue;
            }
            Path listed = csvFolder.resolve(listedName).normalize();
            if (Path.of(listedName).getParent() == null && Files.isDirectory(csvFolder.resolve(csvStem))) {
                // a bare file name: the set folder is the one named like the CSV (set_a.csv -> set_a/)
                listed = csvFolder.resolve(csvStem).resolve(listedName).normalize();
            }
            Path setFolder = listed.getParent();
            if (!indexes.containsKey(setFolder)) {
                indexes.put(setFolder, FolderIndex.of(setFolder));
            }
            String writtenLabel = ImportOptions.normaliseLabel(row.get(label));
            String writtenSublabel = sublabel.map(row::get).map(ImportOptions::normaliseLabel).orElse("");
            List<String> words = Stream.of(writtenLabel, writtenSublabel).filter(word -> !word.isEmpty()).toList();
            String id = RecordingName.parse(CollectionBuilder.stem(listed)).id();
            listedRows.add(new ListedRow(row, listedName, setFolder, new RecordingName(words, id), writtenLabel,
                    writtenSublabel));
        }
        setFolders.addAll(indexes.keySet());
        // files some row names exactly are never handed to another row by the id-only fallback
        Set<Path> exactTargets = new HashSet<>();
        listedRows.forEach(
                listed -> indexes.get(listed.setFolder()).exact(listed.wanted()).ifPresent(exactTargets::add));

        for (ListedRow listed : listedRows) {
            FolderIndex index = indexes.get(listed.setFolder());
            Optional<Path> file = index.exact(listed.wanted())
                    .or(() -> index.onlyFileWithId(listed.wanted().id(),
                            candidate -> !builder.contains(candidate) && !exactTargets.contains(candidate)));
            CsvTable.Row row = listed.row();
            if (file.isEmpty()) {
                builder.missing(table.file(), row.line(), listed.listedName() + " (no file in "
                        + listed.setFolder().getFileName() + "/ with id " + listed.wanted().id() + " and label words "
                        + listed.wanted().labelWords() + ")");
                continue;
            }
            String source = listed.setFolder().getFileName().toString();
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("dataset", row.get(dataset));
            if (!listed.writtenSublabel().isEmpty()) {
                metadata.put("sublabel", listed.writtenSublabel());
            }
            metadata.put("fname", listed.listedName());
            String written = listed.writtenSublabel().isEmpty() ? listed.writtenLabel() : listed.writtenSublabel();
            builder.add(table.file(), row.line(), file.get(), written, written, patientOf(source, file.get()), source,
                    metadata);
        }
        return rowsSkipped;
    }

    /** Adds the recordings {@code table}'s rows name; returns how many rows were skipped. */
    private int readCheckedLabels(CsvTable table, CollectionBuilder builder, Set<Path> setFolders)
            throws IOException {
        int path = table.requireColumn("path");
        int label = table.requireColumn("label");
        int sublabel = table.requireColumn("sublabel");
        Path csvFolder = table.file().toAbsolutePath().getParent();
        builder.problems(table.skipped());
        int rowsSkipped = table.skipped().size();
        for (CsvTable.Row row : table.rows()) {
            if (row.get(path).isEmpty()) {
                builder.problem(table.file(), row.line(), "empty path; row skipped");
                rowsSkipped++;
                continue;
            }
            Path file = csvFolder.resolve(row.get(path)).normalize();
            Path setFolder = file.getParent();
            setFolders.add(setFolder);
            String writtenLabel = ImportOptions.normaliseLabel(row.get(label));
            String writtenSublabel = ImportOptions.normaliseLabel(row.get(sublabel));
            String written = !writtenSublabel.isEmpty() ? writtenSublabel
                    : writtenLabel.equals(UNLABELLED) ? "" : writtenLabel;
            String source = setFolder.getFileName().toString();
            builder.add(table.file(), row.line(), file, written, written, patientOf(source, file), source,
                    table.otherColumns(row, List.of(path, label)));
        }
        return rowsSkipped;
    }

    /**
     * set_b: the number before the first '_' of the recording id ({@code 151_1306779785624_B} -> 151), because set_b
     * names several recordings of one patient this way; anything else is its own patient (the file stem).
     */
    static String patientOf(String source, Path file) {
        String stem = CollectionBuilder.stem(file);
        String id = RecordingName.parse(stem).id();
        int underscore = id.indexOf('_');
        if (source.equals("set_b") && underscore > 0) {
            String patient = id.substring(0, underscore);
            if (patient.chars().allMatch(Character::isDigit)) {
                return patient;
            }
        }
        return stem;
    }

    /**
     * A PASCAL file name split into its label words and its recording id: the id starts at the first '_'-separated
     * word that begins with a digit; the words before it, lower-cased and without Kaggle's
     * {@code Btraining}/{@code Aunlabelledtest} markers, are the label words.
     * {@code Btraining_normal_Btraining_noisynormal_159_1307018640315_A1} -> [normal, noisynormal],
     * {@code 159_1307018640315_A1}.
     */
    record RecordingName(List<String> labelWords, String id) {

        static RecordingName parse(String stem) {
            String[] words = stem.split("_", -1);
            for (int i = 0; i < words.length; i++) {
                if (!words[i].isEmpty() && Character.isDigit(words[i].charAt(0))) {
                    List<String> labelWords = Arrays.stream(words, 0, i)
                            .map(word -> word.toLowerCase(Locale.ROOT))
                            .filter(word -> !word.isEmpty() && !NOT_LABELS.contains(word))
                            .toList();
                    String id = String.join("_", Arrays.asList(words).subList(i, words.length));
                    return new RecordingName(labelWords, id);
                }
            }
            return new RecordingName(List.of(), stem);
        }
    }

    /** The WAV files of one set folder, by label words and id and by id alone. */
    private record FolderIndex(Map<RecordingName, Path> byName, Map<String, List<Path>> byId) {

        static FolderIndex of(Path folder) throws IOException {
            Map<RecordingName, Path> byName = new HashMap<>();
            Map<String, List<Path>> byId = new HashMap<>();
            for (Path wav : CollectionBuilder.audioFilesIn(folder)) {
                RecordingName name = RecordingName.parse(CollectionBuilder.stem(wav));
                byName.put(name, wav);
                byId.computeIfAbsent(name.id(), id -> new ArrayList<>()).add(wav);
            }
            return new FolderIndex(byName, byId);
        }

        /** The file with exactly these label words and this id. */
        Optional<Path> exact(RecordingName wanted) {
            return Optional.ofNullable(byName.get(wanted));
        }

        /** The one file with {@code id} that {@code available} accepts, or empty when there is none or several. */
        Optional<Path> onlyFileWithId(String id, Predicate<Path> available) {
            List<Path> candidates = byId.getOrDefault(id, List.of()).stream().filter(available).toList();
            if (candidates.size() == 1) {
                LOG.debug("matched by id {} alone to {}", id, candidates.get(0));
                return Optional.of(candidates.get(0));
            }
            return Optional.empty();
        }
    }
}
