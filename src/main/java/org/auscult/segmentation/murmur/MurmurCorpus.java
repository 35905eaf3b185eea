package org.auscult.segmentation.murmur;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.auscult.io.BoundedTextReader;

/**
 * The patients of a CirCor 2022 {@code training_data} folder as the murmur description needs them: each
 * {@code <patient>.txt} (first line {@code patient sites rate}, then one line per recording {@code SITE file.hea
 * file.wav file.tsv}, then {@code #Key: value} lines) with its murmur annotations.
 *
 * <p>A patient seen in both campaigns carries an {@code Additional ID}; both IDs are one patient group, named by the
 * smaller, so that a child never sits on both sides of a split. A patient whose ID or additional ID is in the
 * excluded set is left out whole.
 */
public final class MurmurCorpus {

    /** One recording of a patient: its auscultation site, its audio and the annotator's segmentation. */
    public record Recording(String site, Path wav, Path tsv) {
    }

    /**
     * One patient.
     *
     * @param id         the patient ID
     * @param group      the patient group: the smaller of the ID and the additional ID
     * @param fields     the {@code #Key: value} lines, {@code nan} and blank values left out
     * @param recordings the recordings, in the file's order
     */
    public record Patient(String id, String group, Map<String, String> fields, List<Recording> recordings) {

        public Patient {
            fields = Map.copyOf(fields);
            recordings = List.copyOf(recordings);
        }

        /** The annotated class of {@code attribute}, if any. */
        public Optional<String> annotation(MurmurAttribute attribute) {
            return Optional.ofNullable(fields.get(attribute.field()));
        }

        /** Whether a systolic murmur is annotated (its timing is given). */
        public boolean hasSystolicMurmur() {
            return fields.containsKey(MurmurAttribute.TIMING.field());
        }

        /** Whether a diastolic murmur is annotated. */
        public boolean hasDiastolicMurmur() {
            return fields.containsKey("Diastolic murmur timing");
        }

        /**
         * The recordings where the murmur is heard: those at the {@code Most audible location}, else those at the
         * {@code Murmur locations}; empty when neither names a recorded site.
         */
        public List<Recording> murmurRecordings() {
            String loudest = fields.getOrDefault("Most audible location", "");
            List<Recording> atLoudest = recordings.stream().filter(r -> r.site().equals(loudest)).toList();
            if (!atLoudest.isEmpty()) {
                return atLoudest;
            }
            Set<String> sites = Set.of(fields.getOrDefault("Murmur locations", "").split("\\+"));
            return recordings.stream().filter(r -> sites.contains(r.site())).toList();
        }
    }

    private MurmurCorpus() {
    }

    /** Every patient of {@code folder} with a {@code <patient>.txt}, sorted by ID, without the excluded ones. */
    public static List<Patient> read(Path folder, Set<String> excludedPatients) throws IOException {
        List<Path> texts;
        try (Stream<Path> files = Files.list(folder)) {
            texts = files.filter(f -> f.getFileName().toString().matches("\\d+\\.txt")).sorted().toList();
        }
        List<Patient> patients = new ArrayList<>();
        for (Path text : texts) {
            Patient patient = readPatient(text);
            String additional = patient.fields().getOrDefault("Additional ID", "");
            if (!excludedPatients.contains(patient.id()) && !excludedPatients.contains(additional)) {
                patients.add(patient);
            }
        }
        return patients;
    }

    /** One {@code <patient>.txt}. */
    static Patient readPatient(Path text) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BoundedTextReader reader = BoundedTextReader.open(text)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line.strip());
            }
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new IOException(text + ": empty, expected 'patient sites rate' on the first line");
        }
        String id = lines.get(0).split("\\s+")[0];
        Map<String, String> fields = new LinkedHashMap<>();
        List<Recording> recordings = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("#")) {
                int colon = line.indexOf(':');
                if (colon > 1) {
                    String value = line.substring(colon + 1).strip();
                    if (!value.isEmpty() && !value.equals("nan")) {
                        fields.put(line.substring(1, colon).strip(), value);
                    }
                }
            } else if (!line.isBlank()) {
                String[] parts = line.split("\\s+");
                if (parts.length >= 4) {
                    recordings.add(new Recording(parts[0], text.resolveSibling(parts[2]),
                            text.resolveSibling(parts[3])));
                }
            }
        }
        // the additional ID may be written as a number with a decimal point
        String additional = fields.getOrDefault("Additional ID", "").replaceFirst("\\.0$", "");
        if (!additional.isEmpty()) {
            fields.put("Additional ID", additional);
        }
        String group = !additional.isEmpty() && additional.compareTo(id) < 0 ? additional : id;
        return new Patient(id, group, fields, recordings);
    }
}
