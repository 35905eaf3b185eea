package org.auscult.library;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An imported collection: every recording found, labelled or not, and every problem met on the way.
 *
 * @param root       the folder the collection lives in (the label file's folder when a file was given)
 * @param layout     the layout it was read as
 * @param recordings every recording that exists, sorted by id; unlabelled and untrainable ones included
 * @param problems   rows and recordings that could not be used, in the order they were met
 */
public record RecordingCollection(Path root, Layout layout, List<Recording> recordings,
                                  List<ImportProblem> problems) {

    public RecordingCollection {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(layout, "layout");
        recordings = List.copyOf(recordings);
        problems = List.copyOf(problems);
    }

    /** Recordings with a training label. */
    public List<Recording> trainable() {
        return recordings.stream().filter(Recording::trainable).toList();
    }

    /** Recordings kept for browsing and prediction only. */
    public List<Recording> unlabelled() {
        return recordings.stream().filter(r -> !r.trainable()).toList();
    }

    /** Trainable recordings per label, labels in alphabetical order. */
    public SortedMap<String, Integer> classCounts() {
        SortedMap<String, Integer> counts = new TreeMap<>();
        recordings.forEach(recording -> recording.label().ifPresent(label -> counts.merge(label, 1, Integer::sum)));
        return Collections.unmodifiableSortedMap(counts);
    }

    /**
     * Distinct patients per label among trainable recordings. A patient recorded under two labels counts once under
     * each, so the column need not sum to {@link #patients()}.
     */
    public SortedMap<String, Integer> patientCounts() {
        SortedMap<String, Set<String>> patientsPerLabel = new TreeMap<>();
        for (Recording recording : recordings) {
            recording.label().ifPresent(label ->
                    patientsPerLabel.computeIfAbsent(label, l -> new HashSet<>()).add(recording.patient()));
        }
        SortedMap<String, Integer> counts = new TreeMap<>();
        patientsPerLabel.forEach((label, patients) -> counts.put(label, patients.size()));
        return Collections.unmodifiableSortedMap(counts);
    }

    /**
     * Distinct patients among trainable recordings; a recording without a patient counts as one of its own, as the
     * grouped folds count it.
     */
    public int patients() {
        return (int) trainable().stream()
                .map(recording -> Recording.patientGroup(recording.patient(), recording.id()))
                .distinct().count();
    }

    /** Distinct non-empty sources of all recordings, sorted. */
    public Set<String> sources() {
        Set<String> sources = recordings.stream().map(Recording::source).filter(source -> !source.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        return Collections.unmodifiableSet(sources);
    }

    /**
     * A plain-text table for the terminal:
     * <pre>
     * class       recordings  patients
     * murmur             129        75
     * ...
     * total              585       xxx
     * </pre>
     * followed by the unlabelled and problem counts.
     */
    public String summary() {
        SortedMap<String, Integer> classes = classCounts();
        SortedMap<String, Integer> patientsPerClass = patientCounts();
        int width = Math.max("class".length(), "unlabelled".length());
        for (String label : classes.keySet()) {
            width = Math.max(width, label.length());
        }
        String row = "%-" + width + "s  %10s  %8s%n";
        StringBuilder table = new StringBuilder();
        table.append(layout).append(" collection at ").append(root).append(System.lineSeparator());
        table.append(String.format(row, "class", "recordings", "patients"));
        classes.forEach((label, count) -> table.append(String.format(row, label, count, patientsPerClass.get(label))));
        table.append(String.format(row, "total", trainable().size(), patients()));
        int unlabelled = unlabelled().size();
        int unlabelledPatients = (int) unlabelled().stream().map(Recording::patient).distinct().count();
        table.append(String.format(row, "unlabelled", unlabelled, unlabelledPatients));
        if (!sources().isEmpty()) {
            table.append("sources: ").append(String.join(", ", sources())).append(System.lineSeparator());
        }
        table.append("problems: ").append(problems.size()).append(System.lineSeparator());
        return table.toString();
    }
}
