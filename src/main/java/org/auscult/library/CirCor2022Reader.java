package org.auscult.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CirCor DigiScope dataset (PhysioNet Challenge 2022): {@code training_data.csv} with one row per patient and
 * {@code training_data/<patient>_<location>[_<n>].wav}.
 *
 * <p>Labels are per patient, recordings are per location, so a recording is labelled by this rule:
 * <ul>
 *   <li>{@code murmur} when the patient's Murmur is Present and the recording's location is among the patient's
 *       Murmur locations ({@code AV+MV});</li>
 *   <li>{@code normal} when the patient's Murmur is Absent;</li>
 *   <li>otherwise not trained on: Present but not audible at this location (neither clearly murmur nor clearly
 *       normal), or Unknown (the annotator could not tell) — unless {@link ImportOptions#trainOnUnknownCirCor()},
 *       which trains Unknown as the class {@code unknown}.</li>
 * </ul>
 * The group is the patient; a patient who took part in both screening campaigns has a second number in the
 * {@code Additional ID} column, and both numbers become one group (named by the smaller) so that no child sits on
 * both sides of a split. Source: {@code circor}.
 *
 * <p>Also reads the small per-recording form of the bundled samples: a {@code labels.csv} with columns
 * {@code path,patient_id,location,murmur} (murmur present/absent at that location) beside the WAVs; and one
 * patient's {@code <patient>.txt} ({@link CirCorPatientFile}): the recordings it lists, labelled by the same rule.
 *
 * <p>A row of either CSV of the wrong width, with an empty Patient ID or path, or with a Murmur other than Present,
 * Absent or Unknown is reported as a problem with its line and skipped: a training_data.csv patient without a row
 * read keeps its recordings unlabelled, a samples row's recording is not imported. A CSV that cannot be read as CSV
 * (not UTF-8, an unterminated quote) or lacks a required column stops the import. A patient file's {@code #Murmur}
 * outside the vocabulary is reported with its line, and the recordings the file lists are kept unlabelled.
 */
final class CirCor2022Reader implements LayoutReader {

    static final String TRAINING_CSV = "training_data.csv";
    static final String TRAINING_FOLDER = "training_data";
    static final String SAMPLES_CSV = "labels.csv";
    static final String SOURCE = "circor";

    private static final Pattern RECORDING_NAME = Pattern.compile("(\\d+)_([A-Za-z]+)(?:_(\\d+))?");
    private static final Set<String> EMPTY_VALUES = Set.of("", "nan");

    @Override
    public Layout layout() {
        return Layout.CIRCOR_2022;
    }

    @Override
    public boolean recognises(Path folderOrFile) {
        if (Files.isDirectory(folderOrFile)) {
            return isTrainingCsv(folderOrFile.resolve(TRAINING_CSV)) || isSamplesCsv(folderOrFile.resolve(SAMPLES_CSV));
        }
        return isTrainingCsv(folderOrFile) || isSamplesCsv(folderOrFile)
                || CirCorPatientFile.read(folderOrFile).isPresent();
    }

    private static boolean isTrainingCsv(Path file) {
        return CsvTable.hasColumns(file, "Patient ID", "Murmur");
    }

    private static boolean isSamplesCsv(Path file) {
        return CsvTable.hasColumns(file, "path", "patient_id", "location", "murmur");
    }

    @Override
    public RecordingCollection read(Path folderOrFile, ImportOptions options) throws IOException {
        boolean folder = Files.isDirectory(folderOrFile);
        Path root = folder ? folderOrFile : folderOrFile.toAbsolutePath().getParent();
        CollectionBuilder builder = new CollectionBuilder(root, layout(), options);
        Path trainingCsv = folder ? folderOrFile.resolve(TRAINING_CSV) : folderOrFile;
        Path samplesCsv = folder ? folderOrFile.resolve(SAMPLES_CSV) : folderOrFile;
        Optional<CirCorPatientFile> patientFile = folder ? Optional.empty() : CirCorPatientFile.read(folderOrFile);
        if (patientFile.isPresent()) {
            readPatient(patientFile.get(), builder);
        } else if (isTrainingCsv(trainingCsv)) {
            Path audio = root.resolve(TRAINING_FOLDER);
            readTrainingData(CsvTable.withHeaderSkippingMalformedRows(trainingCsv),
                    Files.isDirectory(audio) ? audio : root, builder);
        } else if (isSamplesCsv(samplesCsv)) {
            readSamples(CsvTable.withHeaderSkippingMalformedRows(samplesCsv), builder);
        } else {
            throw new UnrecognisedCollectionException(folderOrFile, layout(), "no " + TRAINING_CSV
                    + " with 'Patient ID' and 'Murmur' columns and no " + SAMPLES_CSV
                    + " with path,patient_id,location,murmur columns");
        }
        return builder.build();
    }

    /** One row of training_data.csv. */
    private record Patient(CsvTable.Row row, Murmur murmur, Set<String> murmurLocations) {
    }

    private enum Murmur { PRESENT, ABSENT, UNKNOWN }

    private void readTrainingData(CsvTable table, Path audioFolder, CollectionBuilder builder) throws IOException {
        int idColumn = table.requireColumn("Patient ID");
        int murmurColumn = table.requireColumn("Murmur");
        int locationsColumn = table.requireColumn("Murmur locations");
        Optional<Integer> recordedColumn = table.column("Recording locations");
        Optional<Integer> additionalColumn = table.column("Additional ID");

        builder.problems(table.skipped());
        boolean rowsSkipped = !table.skipped().isEmpty();
        Map<String, Patient> patients = new LinkedHashMap<>();
        Groups groups = new Groups();
        for (CsvTable.Row row : table.rows()) {
            String id = row.get(idColumn);
            if (id.isEmpty()) {
                builder.problem(table.file(), row.line(), "empty Patient ID; row skipped");
                rowsSkipped = true;
                continue;
            }
            Optional<Murmur> murmur = murmurOf(row.get(murmurColumn));
            if (murmur.isEmpty()) {
                builder.problem(table.file(), row.line(), unknownMurmur(row.get(murmurColumn)) + "; row skipped");
                rowsSkipped = true;
                continue;
            }
            Patient earlier = patients.putIfAbsent(id,
                    new Patient(row, murmur.get(), locations(row.get(locationsColumn))));
            if (earlier != null) {
                builder.problem(table.file(), row.line(), "duplicate row for patient " + id + ", already on line "
                        + earlier.row().line() + "; ignored");
                continue;
            }
            groups.add(id);
            additionalColumn.map(row::get).filter(other -> !EMPTY_VALUES.contains(other.toLowerCase(Locale.ROOT)))
                    .ifPresent(other -> groups.join(id, other));
        }

        // a skipped row may have been the patient's, so "not in the file" would not be known to be true
        String notInTable = rowsSkipped ? " is not on any row read from " + table.file().getFileName()
                + " (some rows were skipped); kept unlabelled"
                : " is not in " + table.file().getFileName() + "; kept unlabelled";
        Map<String, Set<String>> locationsFound = new HashMap<>();
        for (Path wav : CollectionBuilder.audioFilesIn(audioFolder)) {
            String stem = CollectionBuilder.stem(wav);
            Matcher name = RECORDING_NAME.matcher(stem);
            if (!name.matches()) {
                builder.problem(wav, 0, "not named <patient>_<location>[_<n>].wav; kept unlabelled");
                builder.add(null, 0, wav, "", "", stem, SOURCE, Map.of());
                continue;
            }
            String id = name.group(1);
            String location = name.group(2);
            Patient patient = patients.get(id);
            if (patient == null) {
                builder.problem(wav, 0, "patient " + id + notInTable);
                builder.add(null, 0, wav, "", "", groups.groupOf(id), SOURCE, Map.of("location", location));
                continue;
            }
            locationsFound.computeIfAbsent(id, p -> new HashSet<>()).add(location.toUpperCase(Locale.ROOT));
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("location", location);
            metadata.putAll(table.otherColumns(patient.row(), List.of()));
            builder.add(table.file(), patient.row().line(), wav, patient.row().get(murmurColumn),
                    labelOf(patient, location, builder.options()), groups.groupOf(id), SOURCE, metadata);
        }

        for (Map.Entry<String, Patient> entry : patients.entrySet()) {
            String id = entry.getKey();
            CsvTable.Row row = entry.getValue().row();
            Set<String> found = locationsFound.getOrDefault(id, Set.of());
            Set<String> listed = recordedColumn.map(column -> locations(row.get(column))).orElse(Set.of());
            for (String location : listed) {
                if (!found.contains(location)) {
                    builder.missing(table.file(), row.line(),
                            audioFolder.resolve(id + "_" + location + ".wav").toString());
                }
            }
            if (listed.isEmpty() && found.isEmpty()) {
                builder.missing(table.file(), row.line(), "every recording of patient " + id + " (" + id
                        + "_<location>.wav in " + audioFolder + ")");
            }
        }
    }

    /**
     * The recordings one patient file lists, labelled by the rule of the training CSV from its {@code #Murmur} and
     * {@code #Murmur locations} lines, grouped with its {@code #Additional ID} as the CSV groups them. A Murmur
     * outside the vocabulary is a problem on its line, and the recordings are kept unlabelled, as a patient whose
     * training_data.csv row is skipped.
     */
    private void readPatient(CirCorPatientFile patientFile, CollectionBuilder builder) {
        Path file = patientFile.file();
        String written = patientFile.fact("Murmur");
        Optional<Patient> patient = murmurOf(written)
                .map(murmur -> new Patient(null, murmur, locations(patientFile.fact("Murmur locations"))));
        if (patient.isEmpty()) {
            builder.problem(file, patientFile.factLine("Murmur"), unknownMurmur(written)
                    + "; the patient's recordings kept unlabelled");
        }
        Groups groups = new Groups();
        groups.add(patientFile.patient());
        String other = patientFile.fact("Additional ID");
        if (!EMPTY_VALUES.contains(other.toLowerCase(Locale.ROOT))) {
            groups.join(patientFile.patient(), other);
        }
        for (CirCorPatientFile.Listed listed : patientFile.recordings()) {
            Optional<Path> wav = patientFile.wavOf(listed);
            if (wav.isEmpty()) {
                builder.problem(file, listed.line(), "'" + listed.wav() + "' is not a file beside the patient file; "
                        + "ignored");
                continue;
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("location", listed.site());
            metadata.putAll(patientFile.facts());
            String label = patient.map(known -> labelOf(known, listed.site(), builder.options())).orElse("");
            builder.add(file, listed.line(), wav.get(), patient.isPresent() ? written : "", label,
                    groups.groupOf(patientFile.patient()), SOURCE, metadata);
        }
    }

    private static String labelOf(Patient patient, String location, ImportOptions options) {
        return switch (patient.murmur()) {
            case PRESENT -> patient.murmurLocations().contains(location.toUpperCase(Locale.ROOT)) ? "murmur" : "";
            case ABSENT -> "normal";
            case UNKNOWN -> options.trainOnUnknownCirCor() ? "unknown" : "";
        };
    }

    private void readSamples(CsvTable table, CollectionBuilder builder) throws IOException {
        int pathColumn = table.requireColumn("path");
        int patientColumn = table.requireColumn("patient_id");
        int locationColumn = table.requireColumn("location");
        int murmurColumn = table.requireColumn("murmur");
        Path folder = table.file().toAbsolutePath().getParent();
        builder.problems(table.skipped());
        for (CsvTable.Row row : table.rows()) {
            if (row.get(pathColumn).isEmpty()) {
                builder.problem(table.file(), row.line(), "empty path; row skipped");
                continue;
            }
            Optional<Murmur> murmur = murmurOf(row.get(murmurColumn));
            if (murmur.isEmpty()) {
                builder.problem(table.file(), row.line(), unknownMurmur(row.get(murmurColumn)) + "; row skipped");
                continue;
            }
            String label = switch (murmur.get()) {
                case PRESENT -> "murmur";
                case ABSENT -> "normal";
                case UNKNOWN -> builder.options().trainOnUnknownCirCor() ? "unknown" : "";
            };
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("location", row.get(locationColumn));
            metadata.putAll(table.otherColumns(row, List.of(pathColumn, locationColumn)));
            builder.add(table.file(), row.line(), folder.resolve(row.get(pathColumn)), row.get(murmurColumn), label,
                    row.get(patientColumn), SOURCE, metadata);
        }
    }

    /** The Murmur value, in any case; empty when it is none of Present, Absent and Unknown. */
    private static Optional<Murmur> murmurOf(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "present" -> Optional.of(Murmur.PRESENT);
            case "absent" -> Optional.of(Murmur.ABSENT);
            case "unknown" -> Optional.of(Murmur.UNKNOWN);
            default -> Optional.empty();
        };
    }

    private static String unknownMurmur(String value) {
        return "Murmur must be Present, Absent or Unknown, found '" + value + "'";
    }

    /** {@code AV+MV} -> {AV, MV}; {@code nan} or "" -> {}. */
    private static Set<String> locations(String value) {
        if (EMPTY_VALUES.contains(value.toLowerCase(Locale.ROOT))) {
            return Set.of();
        }
        Set<String> locations = new LinkedHashSet<>();
        Arrays.stream(value.split("\\+")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).forEach(locations::add);
        return locations;
    }

    /**
     * Patients joined by their Additional ID (union-find); a group is named by its smallest number, so both IDs of
     * one child give the same group.
     */
    private static final class Groups {

        private static final Comparator<String> NUMERIC_FIRST = Comparator.comparingInt(String::length)
                .thenComparing(Comparator.naturalOrder());

        private final Map<String, String> parent = new HashMap<>();

        void add(String id) {
            parent.putIfAbsent(id, id);
        }

        void join(String a, String b) {
            add(a);
            add(b);
            String rootA = find(a);
            String rootB = find(b);
            if (!rootA.equals(rootB)) {
                // the smaller name becomes the root, so the group name does not depend on row order
                if (NUMERIC_FIRST.compare(rootA, rootB) < 0) {
                    parent.put(rootB, rootA);
                } else {
                    parent.put(rootA, rootB);
                }
            }
        }

        String groupOf(String id) {
            return parent.containsKey(id) ? find(id) : id;
        }

        private String find(String id) {
            String root = id;
            while (!parent.get(root).equals(root)) {
                root = parent.get(root);
            }
            return root;
        }
    }
}
