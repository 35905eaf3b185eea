package org.auscult.experiments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.auscult.audio.RecordingDecoder;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.labels.LabelClasses;
import org.auscult.library.ImportProblem;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;

/**
 * What a collection offers for training, and what a careful researcher should know before trusting the figures:
 * recordings and patients per class, the recordings that will be skipped and why, and warnings.
 *
 * <p>Warnings are raised for a class with fewer than {@value #MIN_PATIENTS_PER_CLASS} patients (grouped k-fold
 * then leaves it out of some test folds and its recall rests on a handful of people), patients recorded under
 * several labels, and recordings made at several sample rates or from several sources (a model may learn the device
 * instead of the heart).
 *
 * @param classCounts    trainable recordings per class
 * @param patientCounts  distinct patients per class
 * @param trainable      trainable recordings in all
 * @param patients       distinct patients among them
 * @param skipped        recordings and label-file rows that will not be trained on, each with its reason
 * @param sampleRates    recordings per sample rate (Hz), over the trainable recordings whose header could be read
 * @param sources        trainable recordings per source ("" for unknown)
 * @param warnings       sentences for people, in the order above
 */
public record DataSummary(SortedMap<String, Integer> classCounts, SortedMap<String, Integer> patientCounts,
                          int trainable, int patients, List<Skipped> skipped, SortedMap<Integer, Integer> sampleRates,
                          SortedMap<String, Integer> sources, List<String> warnings) {

    /** Fewer patients than this in a class is worth a warning. */
    public static final int MIN_PATIENTS_PER_CLASS = 5;
    /** Patients with several labels named in the warning before "and N more". */
    static final int EXAMPLES = 3;

    /** Something that will not be trained on: a recording (by id) or a label-file row (by file and line). */
    public record Skipped(String what, String reason) {
        public Skipped {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public DataSummary {
        classCounts = Collections.unmodifiableSortedMap(new TreeMap<>(classCounts));
        patientCounts = Collections.unmodifiableSortedMap(new TreeMap<>(patientCounts));
        skipped = List.copyOf(skipped);
        sampleRates = Collections.unmodifiableSortedMap(new TreeMap<>(sampleRates));
        sources = Collections.unmodifiableSortedMap(new TreeMap<>(sources));
        warnings = List.copyOf(warnings);
    }

    /** A warning for each class with fewer than {@value #MIN_PATIENTS_PER_CLASS} patients in {@code patientCounts}. */
    public static List<String> fewPatients(SortedMap<String, Integer> patientCounts) {
        List<String> warnings = new ArrayList<>();
        patientCounts.forEach((label, patients) -> {
            if (patients < MIN_PATIENTS_PER_CLASS) {
                warnings.add("Class '" + LabelClasses.forPeople(label) + "' has only " + patients
                        + (patients == 1 ? " patient" : " patients") + " (fewer than " + MIN_PATIENTS_PER_CLASS
                        + "): its recall rests on very few people, and grouped k-fold cannot place it in every test "
                        + "fold.");
            }
        });
        return warnings;
    }

    /** Summarises a collection, reading the header of every trainable recording for its sample rate. */
    public static DataSummary of(RecordingCollection collection) {
        RecordingDecoder decoder = new RecordingDecoder();
        return of(collection, path -> {
            try {
                return decoder.readFormat(path).sampleRate();
            } catch (UnreadableAudioException e) {
                return null;
            }
        });
    }

    /**
     * Summarises a collection with a given way of finding a recording's sample rate.
     *
     * @param sampleRate a recording's rate in Hz, or null when its header cannot be read (it is then skipped, with
     *                   the reason, since its features could not be computed either)
     */
    public static DataSummary of(RecordingCollection collection, Function<Path, Integer> sampleRate) {
        List<Skipped> skipped = new ArrayList<>();
        SortedMap<Integer, Integer> rates = new TreeMap<>();
        SortedMap<String, Integer> sources = new TreeMap<>();
        for (Recording recording : collection.recordings()) {
            if (!recording.trainable()) {
                String problem = recording.metadata().get("problem");
                skipped.add(new Skipped(recording.id(), problem != null ? problem
                        : recording.originalLabel().isEmpty() ? "no label" : "label '" + recording.originalLabel()
                        + "' is not trained on"));
                continue;
            }
            Integer rate = sampleRate.apply(recording.path());
            if (rate == null) {
                skipped.add(new Skipped(recording.id(), "the recording's header cannot be read"));
            } else {
                rates.merge(rate, 1, Integer::sum);
            }
            sources.merge(recording.source(), 1, Integer::sum);
        }
        for (ImportProblem problem : collection.problems()) {
            skipped.add(new Skipped(problem.file() + (problem.line() > 0 ? ":" + problem.line() : ""),
                    problem.reason()));
        }
        SortedMap<String, Integer> classCounts = collection.classCounts();
        SortedMap<String, Integer> patientCounts = collection.patientCounts();
        List<String> warnings = new ArrayList<>(fewPatients(patientCounts));
        Map<String, TreeSet<String>> labelsPerPatient = new TreeMap<>();
        for (Recording recording : collection.trainable()) {
            labelsPerPatient.computeIfAbsent(recording.patient(), p -> new TreeSet<>()).add(recording.label().get());
        }
        List<String> mixed = labelsPerPatient.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .map(entry -> entry.getKey() + " (" + entry.getValue().stream().map(LabelClasses::forPeople)
                        .collect(Collectors.joining(", ")) + ")").toList();
        if (!mixed.isEmpty()) {
            warnings.add(mixed.size() + (mixed.size() == 1 ? " patient has" : " patients have")
                    + " recordings under several labels: " + String.join("; ", mixed.subList(0, Math.min(EXAMPLES,
                    mixed.size()))) + (mixed.size() > EXAMPLES ? "; and " + (mixed.size() - EXAMPLES) + " more" : "")
                    + ". Grouped folds keep each patient on one side, but check the labels.");
        }
        if (rates.size() > 1) {
            warnings.add("Recordings come at " + rates.size() + " sample rates (" + rates.entrySet().stream()
                    .map(entry -> entry.getKey() + " Hz: " + entry.getValue()).collect(Collectors.joining(", "))
                    + "): a model may learn the device rather than the heart sound.");
        }
        if (sources.size() > 1) {
            warnings.add("Recordings come from " + sources.size() + " sources (" + sources.entrySet().stream()
                    .map(entry -> (entry.getKey().isEmpty() ? "unknown" : entry.getKey()) + ": " + entry.getValue())
                    .collect(Collectors.joining(", ")) + "): if the classes differ between sources, the features may"
                    + " predict the source.");
        }
        return new DataSummary(classCounts, patientCounts, collection.trainable().size(), collection.patients(),
                skipped, rates, sources, warnings);
    }
}
