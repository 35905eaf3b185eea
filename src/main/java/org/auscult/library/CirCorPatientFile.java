package org.auscult.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One CirCor DigiScope patient's {@code <patient>.txt} (a WFDB-style header): the first line {@code <patient>
 * <recordings> <sample rate>}, a line per recording {@code <site> <name>.hea <name>.wav <name>.tsv}, then
 * {@code #Key: value} lines with the patient's facts ({@code #Murmur: Present}, {@code #Murmur locations: AV+MV},
 * {@code #Additional ID: 50000}, age, sex, the murmur's description, ...).
 *
 * <p>Only names are read from it, never paths: a recording line naming a file outside the patient file's folder is
 * a problem, not a recording.
 *
 * @param file       the patient file
 * @param patient    the patient number
 * @param recordings each recording's line number, site and file name, in order
 * @param facts      the {@code #Key: value} lines, in order
 * @param factLines  the 1-based line of each of {@code facts}, to point a problem with one at its line
 */
record CirCorPatientFile(Path file, String patient, List<Listed> recordings, Map<String, String> facts,
                         Map<String, Integer> factLines) {

    /** A recording line: its 1-based line number, site and WAV file name. */
    record Listed(int line, String site, String wav) {
    }

    /** How much of a file is read to recognise it: a patient file is a few hundred bytes. */
    private static final int MAX_BYTES = 64 * 1024;
    private static final Pattern FIRST_LINE = Pattern.compile("(\\d+) (\\d+) (\\d+)");
    private static final Pattern RECORDING_LINE = Pattern.compile("(\\S+) \\S+ (\\S+\\.wav)(?: .*)?");
    private static final Pattern FACT_LINE = Pattern.compile("#([^:]+):\\s*(.*)");

    /** The patient file at {@code file}, or empty when it is not one (or cannot be read). */
    static Optional<CirCorPatientFile> read(Path file) {
        if (!Files.isRegularFile(file) || !file.getFileName().toString().endsWith(".txt")) {
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1); // never more, whatever the file holds
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        if (bytes.length > MAX_BYTES) {
            return Optional.empty();
        }
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().map(String::strip).toList();
        Matcher first = lines.isEmpty() ? null : FIRST_LINE.matcher(lines.get(0));
        if (first == null || !first.matches()) {
            return Optional.empty();
        }
        int count = first.group(2).length() > 3 ? -1 : Integer.parseInt(first.group(2)); // a patient has a few
        if (count < 1 || lines.size() < 1 + count) {
            return Optional.empty();
        }
        List<Listed> recordings = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Matcher recording = RECORDING_LINE.matcher(lines.get(i));
            if (!recording.matches()) {
                return Optional.empty();
            }
            recordings.add(new Listed(i + 1, recording.group(1), recording.group(2)));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        Map<String, Integer> factLines = new HashMap<>();
        for (int i = 1 + count; i < lines.size(); i++) {
            Matcher fact = FACT_LINE.matcher(lines.get(i));
            if (fact.matches() && facts.putIfAbsent(fact.group(1).strip(), fact.group(2).strip()) == null) {
                factLines.put(fact.group(1).strip(), i + 1);
            }
        }
        return Optional.of(new CirCorPatientFile(file, first.group(1), recordings, facts, factLines));
    }

    /** The value of {@code #key:}, "" when absent. */
    String fact(String key) {
        return facts.getOrDefault(key, "");
    }

    /** The 1-based line of {@code #key:}, 0 when absent. */
    int factLine(String key) {
        return factLines.getOrDefault(key, 0);
    }

    /** Where {@code listed}'s WAV is, or empty when its name leaves the patient file's folder. */
    Optional<Path> wavOf(Listed listed) {
        Path folder = file.toAbsolutePath().getParent();
        Path wav = folder.resolve(listed.wav()).normalize();
        return wav.getParent() != null && wav.getParent().equals(folder.normalize()) ? Optional.of(wav)
                : Optional.empty();
    }
}
