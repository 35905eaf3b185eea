package org.auscult.segmentation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.auscult.audio.AudioFiles;
import org.auscult.audio.RecordingDecoder;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.features.CycleEmission;
import org.auscult.io.BoundedTextReader;

/**
 * Trains and measures the segmentation's emission ({@link TrainedEmission}, {@link NetworkEmission}) on a folder of recordings with CirCor-style
 * segmentations: every {@code <name>.wav} with a {@code <name>.tsv} beside it. The patient is the part of the name
 * before the first {@code _} (CirCor's {@code <patient>_<site>[_n]}); when the folder's parent holds CirCor's
 * {@code training_data.csv}, a patient with an {@code Additional ID} is one patient with that other ID, so that
 * recordings of one child never sit on both sides of a split.
 *
 * <p>Each envelope value k (covering {@code [k/50, (k+1)/50)} s) takes the annotated state at its midpoint; values in
 * unannotated spans (state 0) or outside every segment are not used.
 *
 * <p>Cross-validation: the patients (sorted by ID) are dealt to {@code folds} folds by a seeded shuffle; each fold's
 * recordings are segmented with an emission fitted on the other folds, and scored as {@link SegmentationBenchmark}
 * scores a CirCor folder (S1 and S2 midpoints within ±60 ms inside the annotated span, heart rate from the median
 * S1-to-S1 interval).
 */
public final class SegmentationTraining {

    /** One annotated recording, with its envelopes and reference. */
    public record Recording(String name, String patient, double durationSeconds, Envelopes envelopes,
                            List<Segment> reference) {
    }

    /** The seed of the network's initial weights and value order, so that one training set gives one network. */
    static final long NETWORK_SEED = 1;

    private SegmentationTraining() {
    }

    /**
     * Reads every annotated recording of {@code folder}, skipping the patients in {@code excludedPatients} (and the
     * recordings that cannot be decoded, which are named in {@code problems}).
     */
    public static List<Recording> load(Path folder, Set<String> excludedPatients, List<String> problems)
            throws IOException {
        Map<String, String> sameAs = additionalIds(folder);
        List<Path> wavs;
        try (Stream<Path> files = Files.list(folder)) {
            wavs = files.filter(AudioFiles::isRecordingFile).sorted().toList();
        }
        List<Path> annotated = wavs.stream().filter(w -> Files.exists(tsvOf(w))).toList();
        List<Recording> out = annotated.parallelStream().map(wav -> {
            String name = AudioFiles.stripExtension(wav.getFileName().toString());
            String id = name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
            String patient = sameAs.getOrDefault(id, id);
            if (excludedPatients.contains(id) || excludedPatients.contains(patient)) {
                return null;
            }
            try {
                List<Segment> reference = SegmentationTsv.read(tsvOf(wav));
                var clip = new RecordingDecoder().decode(wav).clip();
                return new Recording(name, patient, clip.durationSeconds(), Envelopes.of(clip), reference);
            } catch (UnreadableAudioException e) {
                synchronized (problems) {
                    problems.add(name + ": " + e.problem());
                }
                return null;
            } catch (IOException e) {
                synchronized (problems) {
                    problems.add(name + ": " + e.getMessage());
                }
                return null;
            }
        }).filter(r -> r != null).toList();
        return out;
    }

    private static Path tsvOf(Path wav) {
        return wav.resolveSibling(AudioFiles.stripExtension(wav.getFileName().toString()) + ".tsv");
    }

    /**
     * Patients with an {@code Additional ID} in {@code ../training_data.csv} (or {@code training_data.csv} in the folder
     * itself): both IDs map to the smaller one. Empty when there is no such file.
     */
    static Map<String, String> additionalIds(Path folder) throws IOException {
        Path csv = folder.resolve("training_data.csv");
        if (!Files.isRegularFile(csv) && folder.toAbsolutePath().getParent() != null) {
            csv = folder.toAbsolutePath().getParent().resolve("training_data.csv");
        }
        Map<String, String> sameAs = new HashMap<>();
        if (!Files.isRegularFile(csv)) {
            return sameAs;
        }
        try (BoundedTextReader reader = BoundedTextReader.open(csv)) {
            String header = reader.readLine();
            if (header == null) {
                return sameAs;
            }
            List<String> columns = List.of(header.split(","));
            int id = columns.indexOf("Patient ID");
            int additional = columns.indexOf("Additional ID");
            if (id < 0 || additional < 0) {
                return sameAs;
            }
            String line;
            while ((line = reader.readLine()) != null) {
                String[] fields = line.split(",", -1);
                if (fields.length <= Math.max(id, additional)) {
                    continue;
                }
                String a = fields[id].strip();
                String b = fields[additional].strip();
                if (!b.isEmpty() && !b.equals("nan")) {
                    b = b.replaceFirst("\\.0$", "");
                    String group = a.compareTo(b) <= 0 ? a : b;
                    sameAs.put(a, group);
                    sameAs.put(b, group);
                }
            }
        }
        return sameAs;
    }

    /** The patient IDs listed one per line in {@code file} (blank lines and {@code #} comments skipped). */
    public static Set<String> readPatientList(Path file) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The state (0-3) of every envelope value at its midpoint, −1 where not annotated. */
    static int[] labels(List<Segment> reference, int values) {
        int[] states = new int[values];
        java.util.Arrays.fill(states, -1);
        for (Segment segment : reference) {
            int code = segment.state().code();
            if (code < 1 || code > 4) {
                continue;
            }
            int from = (int) Math.ceil(segment.startSeconds() * Envelopes.ENVELOPE_RATE - 0.5);
            int to = (int) Math.ceil(segment.endSeconds() * Envelopes.ENVELOPE_RATE - 0.5);
            for (int t = Math.max(0, from); t < Math.min(values, to); t++) {
                states[t] = code - 1;
            }
        }
        return states;
    }

    static TrainedEmission.Labelled labelled(Recording recording) {
        double[][] x = TrainedEmission.features(recording.envelopes());
        return new TrainedEmission.Labelled(x, labels(recording.reference(), x.length));
    }

    /**
     * Fits an emission of the kind {@code model} names ({@link CycleEmission#TRAINED} or {@link CycleEmission#NETWORK})
     * on all of {@code recordings}, recording what it was trained on.
     *
     * @throws IllegalArgumentException for the hand-set emission, which is not trained
     */
    public static StateEmission train(List<Recording> recordings, String source, CycleEmission model) {
        Set<String> patients = new TreeSet<>();
        recordings.forEach(r -> patients.add(r.patient()));
        Map<String, String> record = new LinkedHashMap<>();
        record.put("trained.source", source);
        record.put("trained.recordings", Integer.toString(recordings.size()));
        record.put("trained.patients", Integer.toString(patients.size()));
        return switch (model) {
            case TRAINED -> TrainedEmission.fit(recordings.parallelStream().map(SegmentationTraining::labelled)
                    .toList(), record);
            case NETWORK -> {
                record.put("trained.network", String.format(Locale.ROOT, "context %d, hidden %d, epochs %d, seed %d",
                        NetworkEmission.CONTEXT, NetworkEmission.HIDDEN, NetworkEmission.EPOCHS, NETWORK_SEED));
                yield NetworkTraining.fit(recordings.parallelStream().map(r -> {
                    double[][] envelopes = NetworkEmission.envelopeArrays(r.envelopes());
                    return new NetworkTraining.Labelled(envelopes, labels(r.reference(), envelopes[0].length));
                }).toList(), NetworkEmission.CONTEXT, NetworkEmission.HIDDEN, NetworkEmission.EPOCHS, NETWORK_SEED,
                        record);
            }
            case HAND_SET -> throw new IllegalArgumentException("the hand-set emission is not trained");
        };
    }

    /** The score of one recording segmented by {@code segmenter}, against its reference. */
    static SegmentationBenchmark.RecordingScore score(Recording recording, HeartSoundSegmenter segmenter) {
        Segmentation predicted = segmenter.segment(recording.envelopes(), recording.durationSeconds());
        return SegmentationBenchmark.scoreAgainst(recording.name(), recording.reference(), predicted);
    }

    /** The scores of every recording under one segmenter. */
    public static SegmentationBenchmark.DatasetScore score(String dataset, Collection<Recording> recordings,
                                                           HeartSoundSegmenter segmenter) {
        return new SegmentationBenchmark.DatasetScore(dataset, recordings.parallelStream()
                .map(r -> score(r, segmenter)).filter(s -> s != null).toList());
    }

    /** Patient-grouped cross-validation of an emission of the kind {@code model}; every recording is scored once. */
    public static SegmentationBenchmark.DatasetScore crossValidate(List<Recording> recordings, int folds, long seed,
                                                                   CycleEmission model) {
        CrossFitted fitted = crossFit(recordings, folds, seed, model);
        List<SegmentationBenchmark.RecordingScore> scores = new ArrayList<>(recordings.parallelStream()
                .map(r -> score(r, fitted.segmenterFor(r.patient()))).filter(s -> s != null).toList());
        scores.sort(java.util.Comparator.comparing(SegmentationBenchmark.RecordingScore::name));
        return new SegmentationBenchmark.DatasetScore(String.format(Locale.ROOT, "%s %d-fold CV", model.key(), folds),
                scores);
    }

    /**
     * One emission of the kind {@code model} per fold of patients ({@link #foldOf}), each fitted on the other folds
     * (the folds fitted in parallel): every patient of
     * {@code recordings} has a segmenter that never learnt its recordings. Cross-validation scores the segmentation
     * with it; the murmur description is measured on its segmentations, so that neither is measured on recordings
     * the segmentation was trained on.
     */
    public static CrossFitted crossFit(List<Recording> recordings, int folds, long seed, CycleEmission model) {
        Map<String, Integer> fold = foldOf(recordings, folds, seed);
        List<HeartSoundSegmenter> segmenters = java.util.stream.IntStream.range(0, folds).parallel().mapToObj(k -> {
            List<Recording> training = recordings.stream().filter(r -> fold.get(r.patient()) != k).toList();
            return HeartSoundSegmenter.withEmission(train(training, "fold " + k, model));
        }).toList();
        return new CrossFitted(fold, segmenters);
    }

    /**
     * Emissions fitted by {@link #crossFit}.
     *
     * @param foldOfPatient the fold of every patient (group) it was fitted on
     * @param segmenters    the segmenter of each fold, fitted without that fold's patients
     */
    public record CrossFitted(Map<String, Integer> foldOfPatient, List<HeartSoundSegmenter> segmenters) {

        public CrossFitted {
            foldOfPatient = Map.copyOf(foldOfPatient);
            segmenters = List.copyOf(segmenters);
        }

        /**
         * The segmenter that never learnt {@code patient} (a patient group, as {@link Recording#patient()}): its
         * fold's, or the first fold's for a patient none was fitted on (every segmenter is blind to it).
         */
        public HeartSoundSegmenter segmenterFor(String patient) {
            return segmenters.get(foldOfPatient.getOrDefault(patient, 0));
        }
    }

    /** The fold of every patient, {@link #dealFolds dealt} with {@code seed}. */
    static Map<String, Integer> foldOf(List<Recording> recordings, int folds, long seed) {
        return dealFolds(recordings.stream().map(Recording::patient).toList(), folds, seed);
    }

    /** The fold of every group (patient): the groups sorted, shuffled with {@code seed} and dealt in turn. */
    public static Map<String, Integer> dealFolds(java.util.Collection<String> groups, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        }
        List<String> order = new ArrayList<>(new TreeSet<>(groups));
        java.util.Collections.shuffle(order, new java.util.Random(seed));
        Map<String, Integer> fold = new TreeMap<>();
        for (int i = 0; i < order.size(); i++) {
            fold.put(order.get(i), i % folds);
        }
        return fold;
    }
}
