package org.auscult.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.auscult.audio.AudioClip;
import org.auscult.features.CycleEmission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

class TrainedEmissionTest {

    /** Per state: mean homomorphic envelope, Shannon energy and pitch of the toy data. */
    private static final double[][] MEANS = {{2, 0, -1}, {-1, 1, 0}, {2, 0, 1}, {-1, -1, 0}};

    /** Toy features: the four states differ in their means by at least 2 standard deviations in some feature. */
    private static TrainedEmission.Labelled toy(int values, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[values][];
        int[] states = new int[values];
        for (int t = 0; t < values; t++) {
            int j = t % 4;
            states[t] = j;
            double h = MEANS[j][0] + 0.3 * random.nextGaussian();
            double s = MEANS[j][1] + 0.3 * random.nextGaussian();
            double p = MEANS[j][2] + 0.3 * random.nextGaussian();
            x[t] = vector(h, s, p);
        }
        return new TrainedEmission.Labelled(x, states);
    }

    /** A feature vector whose homomorphic values (at every lag) are h, Shannon values s and pitch values p. */
    private static double[] vector(double h, double s, double p) {
        double[] x = new double[TrainedEmission.FEATURES.size()];
        for (int f = 0; f < x.length; f++) {
            String name = TrainedEmission.FEATURES.get(f);
            x[f] = name.equals("constant") ? 1 : name.startsWith("homomorphic") ? h : name.startsWith("shannon") ? s
                    : name.equals("pitch*sound") ? 0 : name.startsWith("pitch") ? p : 0;
        }
        return x;
    }

    @Test
    void trainingOnSeparableDataRecoversTheStates() {
        TrainedEmission emission = TrainedEmission.fit(List.of(toy(4000, 1)), Map.of());
        TrainedEmission.Labelled test = toy(2000, 2);
        double[] posterior = new double[4];
        int right = 0;
        for (int t = 0; t < test.states().length; t++) {
            emission.logPosterior(test.features()[t], posterior);
            int best = 0;
            for (int j = 1; j < 4; j++) {
                best = posterior[j] > posterior[best] ? j : best;
            }
            right += best == test.states()[t] ? 1 : 0;
            assertEquals(1, Arrays.stream(posterior).map(Math::exp).sum(), 1e-9);
        }
        // the nearest other mean is 2 in one feature, 1 in another: Bayes error about 0.1 %
        assertTrue(right >= 0.99 * test.states().length, right + " of " + test.states().length);
    }

    @Test
    void theEmissionIsThePosteriorOverThePrior() {
        // one feature only matters: the constant. With balanced states the posterior is the prior, ln b = 0.
        TrainedEmission.Labelled toy = toy(400, 3);
        double[][] constant = new double[toy.features().length][];
        for (int t = 0; t < constant.length; t++) {
            constant[t] = new double[TrainedEmission.FEATURES.size()];
            constant[t][constant[t].length - 1] = 1;
        }
        TrainedEmission emission = TrainedEmission.fit(
                List.of(new TrainedEmission.Labelled(constant, toy.states())), Map.of());
        double[] posterior = new double[4];
        emission.logPosterior(constant[0], posterior);
        for (double p : posterior) {
            assertEquals(Math.log(0.25), p, 1e-6);
        }
    }

    @Test
    void aStateWithoutAnnotationCannotBeTrained() {
        TrainedEmission.Labelled toy = toy(100, 4);
        int[] noS2 = toy.states().clone();
        for (int t = 0; t < noS2.length; t++) {
            noS2[t] = noS2[t] == 2 ? -1 : noS2[t];
        }
        assertThrows(IllegalArgumentException.class, () -> TrainedEmission.fit(
                List.of(new TrainedEmission.Labelled(toy.features(), noS2)), Map.of()));
    }

    @Test
    void theParametersSurviveWritingAndReading(@TempDir Path dir) throws IOException {
        TrainedEmission emission = TrainedEmission.fit(List.of(toy(800, 5)), Map.of("trained.source", "toy"));
        Path file = dir.resolve("emission.properties");
        emission.write(file, false);
        TrainedEmission read = TrainedEmission.read(Files.newInputStream(file));
        assertEquals("toy", read.record().get("trained.source"));
        assertEquals("800", read.record().get("trained.values"));
        double[] a = new double[4];
        double[] b = new double[4];
        for (double[] x : toy(20, 6).features()) {
            emission.logPosterior(x, a);
            read.logPosterior(x, b);
            assertArrayEquals(a, b, 1e-7);
        }
        assertThrows(IOException.class, () -> TrainedEmission.read(
                new ByteArrayInputStream("features=other\n".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theShippedParametersLoad() {
        TrainedEmission shipped = TrainedEmission.shipped();
        assertTrue(shipped.record().containsKey("trained.source"), shipped.record().toString());
    }

    @Test
    void envelopeValuesTakeTheStateAtTheirMidpoint() {
        List<Segment> reference = List.of(new Segment(0, 0.045, CardiacState.UNANNOTATED),
                new Segment(0.045, 0.115, CardiacState.S1), new Segment(0.115, 0.2, CardiacState.SYSTOLE));
        // midpoints .01 .03 | .05 .07 .09 .11 | .13 .15 .17 .19 | .21
        assertArrayEquals(new int[] {-1, -1, 0, 0, 0, 0, 1, 1, 1, 1, -1},
                SegmentationTraining.labels(reference, 11));
    }

    @Test
    void patientsStayInOneFold() {
        List<SegmentationTraining.Recording> recordings = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            for (String site : List.of("AV", "PV", "TV", "MV")) {
                recordings.add(new SegmentationTraining.Recording(p + "_" + site, "p" + p, 1, null, List.of()));
            }
        }
        Map<String, Integer> fold = SegmentationTraining.foldOf(recordings, 5, 1);
        assertEquals(10, fold.size());
        for (int k = 0; k < 5; k++) {
            int held = k;
            assertEquals(2, fold.values().stream().filter(f -> f == held).count());
        }
    }

    /** Synthetic click trains annotated as CirCor annotates: S1 and S2 bursts, systole and diastole between. */
    private static SegmentationTraining.Recording annotated(String name, double bpm, double systole, double seconds) {
        double[] beats = Lubdub.regularBeats(bpm, 0.4, seconds - 0.5);
        AudioClip clip = Lubdub.of(seconds, beats, systole, 60, 120);
        List<Segment> reference = new ArrayList<>();
        reference.add(new Segment(0, beats[0] - 0.04, CardiacState.UNANNOTATED));
        for (int i = 0; i < beats.length; i++) {
            double b = beats[i];
            reference.add(new Segment(b - 0.04, b + 0.04, CardiacState.S1));
            reference.add(new Segment(b + 0.04, b + systole - 0.03, CardiacState.SYSTOLE));
            reference.add(new Segment(b + systole - 0.03, b + systole + 0.03, CardiacState.S2));
            double next = i + 1 < beats.length ? beats[i + 1] - 0.04 : Math.min(seconds, b + 60 / bpm - 0.04);
            reference.add(new Segment(b + systole + 0.03, next, CardiacState.DIASTOLE));
        }
        return new SegmentationTraining.Recording(name, name, seconds, Envelopes.of(clip), reference);
    }

    @ParameterizedTest
    @EnumSource(value = CycleEmission.class, names = {"TRAINED", "NETWORK"})
    void aClickTrainSegmentsCorrectlyWithEitherTrainedEmission(CycleEmission model) {
        List<SegmentationTraining.Recording> training = List.of(annotated("a", 60, 0.32, 12),
                annotated("b", 75, 0.3, 12), annotated("c", 90, 0.28, 12), annotated("d", 110, 0.26, 12));
        StateEmission emission = SegmentationTraining.train(training, "synthetic", model);
        assertEquals("4", emission.record().get("trained.recordings"));
        HeartSoundSegmenter segmenter = HeartSoundSegmenter.withEmission(emission);
        SegmentationTraining.Recording test = annotated("test", 80, 0.3, 15);
        SegmentationBenchmark.RecordingScore score = SegmentationTraining.score(test, segmenter);
        assertEquals(1.0, score.s1().f1(), 1e-12, score.toString());
        assertEquals(1.0, score.s2().f1(), 1e-12, score.toString());
        assertEquals(80, score.predictedBpm(), 2.5, score.toString());
    }

    @Test
    void eachPatientIsSegmentedByAnEmissionFittedWithoutIt() {
        List<SegmentationTraining.Recording> recordings = List.of(annotated("a", 60, 0.32, 12),
                annotated("b", 75, 0.3, 12), annotated("c", 90, 0.28, 12), annotated("d", 110, 0.26, 12),
                annotated("e", 70, 0.3, 12), annotated("f", 100, 0.27, 12));
        SegmentationTraining.CrossFitted fitted = SegmentationTraining.crossFit(recordings, 3, 1,
                CycleEmission.TRAINED);
        assertEquals(3, fitted.segmenters().size());
        for (SegmentationTraining.Recording r : recordings) {
            int fold = fitted.foldOfPatient().get(r.patient());
            assertTrue(fitted.segmenterFor(r.patient()) == fitted.segmenters().get(fold), r.patient());
        }
        // a patient no fold holds is new to every emission: the first fold's serves it
        assertTrue(fitted.segmenterFor("never-seen") == fitted.segmenters().get(0));
        // the cross-validation scores every recording once, each with its own fold's emission
        SegmentationBenchmark.DatasetScore cv = SegmentationTraining.crossValidate(recordings, 3, 1,
                CycleEmission.TRAINED);
        assertEquals(List.of("a", "b", "c", "d", "e", "f"),
                cv.recordings().stream().map(SegmentationBenchmark.RecordingScore::name).toList());
        assertTrue(cv.s1().f1() > 0.95, cv.s1().toString());
    }

    @Test
    void theSpanHeartRateIsReadOffThePredictedBeatsInsideTheAnnotatedSpanOnly() {
        // annotated 10-12 s at 60 bpm; the recording speeds up to 120 bpm before and after
        List<Segment> reference = new ArrayList<>();
        reference.add(new Segment(0, 9.95, CardiacState.UNANNOTATED));
        List<Segment> predicted = new ArrayList<>();
        double t = 0.5;
        while (t < 20) {
            boolean annotatedSpan = t >= 10 && t < 13;
            predicted.add(new Segment(t - 0.05, t + 0.05, CardiacState.S1));
            predicted.add(new Segment(t + 0.05, t + 0.25, CardiacState.SYSTOLE));
            predicted.add(new Segment(t + 0.25, t + 0.35, CardiacState.S2));
            double cycle = annotatedSpan ? 1.0 : 0.5;
            predicted.add(new Segment(t + 0.35, t + cycle - 0.05, CardiacState.DIASTOLE));
            if (annotatedSpan) {
                reference.add(new Segment(t - 0.05, t + 0.05, CardiacState.S1));
                reference.add(new Segment(t + 0.05, t + 0.25, CardiacState.SYSTOLE));
                reference.add(new Segment(t + 0.25, t + 0.35, CardiacState.S2));
                reference.add(new Segment(t + 0.35, t + cycle - 0.05, CardiacState.DIASTOLE));
            }
            t += cycle;
        }
        Segmentation whole = Segmentation.of(predicted, 20, 0, 0.3, 1);
        SegmentationBenchmark.RecordingScore score = SegmentationBenchmark.scoreAgainst("drift", reference, whole);
        assertEquals(60, score.referenceBpm(), 1e-9);
        assertEquals(120, score.predictedBpm(), 1e-9, "the rate shown is the whole recording's");
        assertEquals(60, score.spanBpm(), 1e-9);
        assertEquals(0, score.spanHeartRateError(), 1e-9);
        assertEquals(60, score.heartRateError(), 1e-9);
        var dataset = new SegmentationBenchmark.DatasetScore("one", List.of(score));
        assertEquals(0, dataset.meanSpanHeartRateError(), 1e-9);
        assertEquals(60, dataset.meanHeartRateError(), 1e-9);
        // the reference covers 9.95 .. 12.95 s of a recording whose segments end at 19.95 s
        assertEquals(3 / 19.95, score.annotatedFraction(), 1e-9);
        assertEquals(0, dataset.mostlyAnnotated(0.8).recordings().size());
        assertEquals(1, dataset.mostlyAnnotated(0.15).recordings().size());
    }
}
