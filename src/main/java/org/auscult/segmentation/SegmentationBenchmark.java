package org.auscult.segmentation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.auscult.audio.AudioClip;
import org.auscult.audio.AudioFiles;
import org.auscult.audio.RecordingDecoder;

/**
 * Measures the segmentation against annotated recordings: S1 and S2 detection (precision, recall, F1 with a
 * tolerance of {@value #TOLERANCE_SECONDS} s on the event midpoints) and the heart-rate error.
 *
 * <ul>
 *   <li>CirCor layout: a folder of {@code <name>.wav} with {@code <name>.tsv} segmentations. As in
 *       {@code score_segmentation.py}, an event is the midpoint of an S1 or S2 segment, and only predicted events
 *       inside the span the reference annotates (state ≠ 0) are scored.</li>
 *   <li>PASCAL 2011 timing: {@code set_a_timing.csv} ({@code fname,cycle,sound,location}, location a sample index at
 *       44.1 kHz) with the WAVs beside it. The scored span runs from the first to the last marked sound, widened by the
 *       tolerance.</li>
 * </ul>
 * The reference heart rate is {@code 60 / median} of the intervals between consecutive reference S1 events; the
 * error is the absolute difference to {@link Segmentation#heartRateBpm()}, the rate the user is shown, which is
 * measured over the whole recording. A CirCor reference often annotates only part of a recording, and a child's heart
 * rate drifts over the rest, so the <i>span</i> error also compares the reference with the same formula over the
 * predicted S1 events inside the scored span: the segmentation's own error, apart from the drift.
 */
public final class SegmentationBenchmark {

    public static final double TOLERANCE_SECONDS = 0.06;
    /** Sample rate of the PASCAL timing marks. */
    public static final int PASCAL_MARK_RATE = 44_100;

    /**
     * The score of one recording.
     *
     * @param annotatedFraction the part of the recording the reference's scored span covers, 0 .. 1
     * @param s1Offsets         predicted minus reference time of each matched S1 event, seconds
     * @param s2Offsets         the same for S2
     */
    public record RecordingScore(String name, EventCounts s1, EventCounts s2, double referenceBpm,
                                 double predictedBpm, double spanBpm, double qualityIndex, double annotatedFraction,
                                 double[] s1Offsets, double[] s2Offsets) {

        /** The error of the heart rate shown, measured over the whole recording, bpm. */
        public double heartRateError() {
            return Math.abs(predictedBpm - referenceBpm);
        }

        /**
         * The error of the heart rate of the predicted S1 events inside the scored span, bpm; that of
         * {@link #heartRateError()} when fewer than two fall inside.
         */
        public double spanHeartRateError() {
            return Double.isFinite(spanBpm) ? Math.abs(spanBpm - referenceBpm) : heartRateError();
        }
    }

    /** The scores of one dataset, with totals. */
    public record DatasetScore(String dataset, List<RecordingScore> recordings) {

        public DatasetScore {
            recordings = List.copyOf(recordings);
        }

        public EventCounts s1() {
            return recordings.stream().map(RecordingScore::s1).reduce(EventCounts.NONE, EventCounts::plus);
        }

        public EventCounts s2() {
            return recordings.stream().map(RecordingScore::s2).reduce(EventCounts.NONE, EventCounts::plus);
        }

        /**
         * The median of predicted minus reference time over every matched S1 event, milliseconds; NaN when none
         * matched. Near zero when the segmenter places S1 where the annotator does.
         */
        public double medianS1OffsetMillis() {
            return medianMillis(recordings.stream().map(RecordingScore::s1Offsets));
        }

        /** As {@link #medianS1OffsetMillis()}, for S2. */
        public double medianS2OffsetMillis() {
            return medianMillis(recordings.stream().map(RecordingScore::s2Offsets));
        }

        private static double medianMillis(Stream<double[]> offsets) {
            double[] all = offsets.flatMapToDouble(Arrays::stream).toArray();
            return all.length == 0 ? Double.NaN : 1000 * Segmentation.median(all);
        }

        /** Mean absolute heart-rate error over recordings with a reference rate, bpm. */
        public double meanHeartRateError() {
            return errors().average().orElse(Double.NaN);
        }

        /** Median absolute heart-rate error, bpm. */
        public double medianHeartRateError() {
            double[] errors = errors().toArray();
            return errors.length == 0 ? Double.NaN : Segmentation.median(errors);
        }

        /** Fraction of recordings whose heart rate is within {@code bpm} of the reference. */
        public double fractionWithin(double bpm) {
            double[] errors = errors().toArray();
            return errors.length == 0 ? Double.NaN
                    : Arrays.stream(errors).filter(e -> e <= bpm).count() / (double) errors.length;
        }

        /**
         * The recordings whose reference covers at least {@code fraction} of the recording: there the reference rate
         * is the whole recording's, and {@link #meanHeartRateError()} over them measures the rate shown without the
         * drift of an unannotated remainder.
         */
        public DatasetScore mostlyAnnotated(double fraction) {
            return new DatasetScore(dataset, recordings.stream().filter(r -> r.annotatedFraction() >= fraction)
                    .toList());
        }

        /** Mean absolute error of the heart rate over the scored span only, bpm (see {@link SegmentationBenchmark}). */
        public double meanSpanHeartRateError() {
            return recordings.stream().filter(r -> Double.isFinite(r.referenceBpm()))
                    .mapToDouble(RecordingScore::spanHeartRateError).average().orElse(Double.NaN);
        }

        private java.util.stream.DoubleStream errors() {
            return recordings.stream().filter(r -> Double.isFinite(r.referenceBpm()))
                    .mapToDouble(RecordingScore::heartRateError);
        }
    }

    private final HeartSoundSegmenter segmenter;
    private final RecordingDecoder decoder = new RecordingDecoder();

    public SegmentationBenchmark(HeartSoundSegmenter segmenter) {
        this.segmenter = segmenter;
    }

    /**
     * Scores every {@code <name>.wav} of {@code folder} that has a {@code <name>.tsv} beside it.
     *
     * @param predictionsOut when present, each prediction is also written there as {@code <name>.tsv} (replacing
     *                       what is there), for scoring with other tools
     */
    public DatasetScore circor(Path folder, Optional<Path> predictionsOut) throws IOException {
        List<RecordingScore> scores = new ArrayList<>();
        List<Path> wavs;
        try (Stream<Path> files = Files.list(folder)) {
            wavs = files.filter(AudioFiles::isRecordingFile).sorted().toList();
        }
        for (Path wav : wavs) {
            String name = AudioFiles.stripExtension(wav.getFileName().toString());
            Path tsv = folder.resolve(name + ".tsv");
            if (!Files.exists(tsv)) {
                continue;
            }
            List<Segment> reference = SegmentationTsv.read(tsv);
            Segmentation predicted = segmenter.segment(decoder.decode(wav).clip());
            if (predictionsOut.isPresent()) {
                SegmentationTsv.write(predictionsOut.get().resolve(name + ".tsv"), predicted.segments(), true);
            }
            RecordingScore score = scoreAgainst(name, reference, predicted);
            if (score != null) {
                scores.add(score);
            }
        }
        return new DatasetScore("CirCor", scores);
    }

    /**
     * Scores the recordings marked in {@code timingCsv} (PASCAL {@code set_a_timing.csv}); their paths are relative
     * to the folder of the CSV.
     */
    public DatasetScore pascal(Path timingCsv) throws IOException {
        Map<String, List<double[]>> marks = new LinkedHashMap<>();
        try (org.auscult.io.BoundedTextReader reader = org.auscult.io.BoundedTextReader.open(timingCsv)) {
            String header = reader.readLine();
            if (header == null || !header.strip().equals("fname,cycle,sound,location")) {
                throw new IOException(timingCsv + ": expected the header 'fname,cycle,sound,location', got '"
                        + header + "'");
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",");
                if (fields.length != 4 || !(fields[2].equals("S1") || fields[2].equals("S2"))) {
                    throw new IOException(timingCsv + ": line " + number + ": expected fname,cycle,S1|S2,location, got '"
                            + line + "'");
                }
                double seconds;
                try {
                    seconds = Long.parseLong(fields[3].strip()) / (double) PASCAL_MARK_RATE;
                } catch (NumberFormatException e) {
                    throw new IOException(timingCsv + ": line " + number + ": location is not a sample number: '"
                            + fields[3] + "'", e);
                }
                marks.computeIfAbsent(fields[0], k -> new ArrayList<>())
                        .add(new double[] {fields[2].equals("S1") ? 1 : 3, seconds});
            }
        }
        Path base = timingCsv.toAbsolutePath().getParent();
        List<RecordingScore> scores = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> entry : marks.entrySet()) {
            List<double[]> recordingMarks = entry.getValue();
            double[] refS1 = recordingMarks.stream().filter(m -> m[0] == 1).mapToDouble(m -> m[1]).sorted().toArray();
            double[] refS2 = recordingMarks.stream().filter(m -> m[0] == 3).mapToDouble(m -> m[1]).sorted().toArray();
            double first = recordingMarks.stream().mapToDouble(m -> m[1]).min().orElseThrow();
            double last = recordingMarks.stream().mapToDouble(m -> m[1]).max().orElseThrow();
            AudioClip clip = decoder.decode(base.resolve(entry.getKey())).clip();
            Segmentation predicted = segmenter.segment(clip);
            String name = Path.of(entry.getKey()).getFileName().toString().replaceFirst("\\.wav$", "");
            scores.add(score(name, refS1, refS2, predicted, first - TOLERANCE_SECONDS, last + TOLERANCE_SECONDS));
        }
        return new DatasetScore("PASCAL set_a", scores);
    }

    /**
     * The score of {@code predicted} against a CirCor-style reference: only the span the reference annotates
     * (state ≠ 0) is scored. Null when the reference annotates nothing.
     */
    static RecordingScore scoreAgainst(String name, List<Segment> reference, Segmentation predicted) {
        double spanStart = Double.POSITIVE_INFINITY;
        double spanEnd = Double.NEGATIVE_INFINITY;
        for (Segment segment : reference) {
            if (segment.state() != CardiacState.UNANNOTATED) {
                spanStart = Math.min(spanStart, segment.startSeconds());
                spanEnd = Math.max(spanEnd, segment.endSeconds());
            }
        }
        if (spanStart > spanEnd) {
            return null;
        }
        double[] refS1 = Segmentation.eventTimes(reference, CardiacState.S1);
        double[] refS2 = Segmentation.eventTimes(reference, CardiacState.S2);
        return score(name, refS1, refS2, predicted, spanStart, spanEnd);
    }

    private static RecordingScore score(String name, double[] refS1, double[] refS2, Segmentation predicted,
                                        double spanStart, double spanEnd) {
        double[] predS1 = within(predicted.eventTimes(CardiacState.S1), spanStart, spanEnd);
        double[] predS2 = within(predicted.eventTimes(CardiacState.S2), spanStart, spanEnd);
        double duration = predicted.segments().isEmpty() ? 0
                : predicted.segments().get(predicted.segments().size() - 1).endSeconds();
        double annotated = duration > 0 ? Math.max(0, Math.min(1, (spanEnd - spanStart) / duration)) : 0;
        // one matching per sound gives both the counts and the offsets of the pairs
        double[] s1Offsets = EventCounts.signedOffsets(refS1, predS1, TOLERANCE_SECONDS);
        double[] s2Offsets = EventCounts.signedOffsets(refS2, predS2, TOLERANCE_SECONDS);
        return new RecordingScore(name, EventCounts.ofPairs(s1Offsets.length, refS1.length, predS1.length),
                EventCounts.ofPairs(s2Offsets.length, refS2.length, predS2.length), referenceHeartRate(refS1),
                predicted.heartRateBpm(), referenceHeartRate(predS1), predicted.qualityIndex(), annotated, s1Offsets,
                s2Offsets);
    }

    static double[] within(double[] times, double from, double to) {
        return Arrays.stream(times).filter(t -> t >= from && t <= to).toArray();
    }

    /** {@code 60 / median} S1-to-S1 interval of sorted S1 times, NaN with fewer than two. */
    static double referenceHeartRate(double[] s1Times) {
        if (s1Times.length < 2) {
            return Double.NaN;
        }
        double[] rr = new double[s1Times.length - 1];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = s1Times[i + 1] - s1Times[i];
        }
        return 60 / Segmentation.median(rr);
    }
}
