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
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkEmissionTest {

    /**
     * Toy envelopes whose state at t is read from the homomorphic envelope two values before and after t and at t:
     * {@code 2 (u xor v) + w} with u, v, w the signs of h[t−2], h[t+2], h[t]. The exclusive or is what no linear
     * model of the values can learn, and the ±2 what a model blind to the context cannot see.
     */
    private static NetworkTraining.Labelled toy(int values, long seed) {
        Random random = new Random(seed);
        double[][] envelopes = new double[NetworkEmission.ENVELOPES][values];
        for (double[] e : envelopes) {
            for (int t = 0; t < values; t++) {
                e[t] = random.nextGaussian();
            }
        }
        double[] h = envelopes[0];
        for (int t = 0; t < values; t++) {
            h[t] = (random.nextBoolean() ? 1 : -1) + 0.2 * random.nextGaussian();
        }
        int[] states = new int[values];
        for (int t = 0; t < values; t++) {
            if (t < 2 || t + 2 >= values) {
                states[t] = -1;
                continue;
            }
            boolean u = h[t - 2] > 0;
            boolean v = h[t + 2] > 0;
            states[t] = 2 * (u ^ v ? 1 : 0) + (h[t] > 0 ? 1 : 0);
        }
        return new NetworkTraining.Labelled(envelopes, states);
    }

    /** The share of the toy's values whose most probable state under the network is the true one. */
    private static double accuracy(NetworkEmission emission, NetworkTraining.Labelled test) {
        double[][] ll = emission.logPosteriors(test.envelopes());
        int right = 0;
        int judged = 0;
        for (int t = 0; t < test.states().length; t++) {
            if (test.states()[t] < 0) {
                continue;
            }
            int best = 0;
            for (int j = 1; j < 4; j++) {
                best = ll[j][t] > ll[best][t] ? j : best;
            }
            right += best == test.states()[t] ? 1 : 0;
            judged++;
        }
        return right / (double) judged;
    }

    /** The log-likelihoods of the toy's envelopes, through the same input as a recording's. */
    private static double[][] likelihoods(NetworkEmission emission, NetworkTraining.Labelled test) {
        return emission.logLikelihoods(test.envelopes());
    }

    @Test
    void theContextAndTheHiddenLayerLearnWhatNoLinearModelOfOneValueCan() {
        List<NetworkTraining.Labelled> training = List.of(toy(6000, 1));
        NetworkTraining.Labelled test = toy(3000, 2);
        NetworkEmission wide = NetworkTraining.fit(training, 2, 16, 20, 1, Map.of());
        NetworkEmission blind = NetworkTraining.fit(training, 1, 16, 20, 1, Map.of());
        double seeing = accuracy(wide, test);
        double notSeeing = accuracy(blind, test);
        assertTrue(seeing > 0.95, "context 2: " + seeing);
        // without h[t-2] and h[t+2] only the last bit is known: about half right
        assertTrue(notSeeing < 0.65, "context 1: " + notSeeing);
    }

    @Test
    void theSoundProbabilityIsAProbabilityHighOnTheSounds() {
        NetworkEmission emission = NetworkTraining.fit(List.of(toy(2000, 3)), 2, 8, 40, 1, Map.of());
        NetworkTraining.Labelled test = toy(400, 4);
        double[] sound = emission.soundProbability(likelihoods(emission, test));
        double onSounds = 0;
        double elsewhere = 0;
        int sounds = 0;
        int others = 0;
        for (int t = 0; t < sound.length; t++) {
            assertTrue(sound[t] >= 0 && sound[t] <= 1 + 1e-12, "value " + t + ": " + sound[t]);
            int state = test.states()[t];
            if (state == 0 || state == 2) {
                onSounds += sound[t];
                sounds++;
            } else if (state >= 0) {
                elsewhere += sound[t];
                others++;
            }
        }
        // S1 and S2 are the toy's values with h[t] < 0, which the network sees at t; any other pair of states would
        // average about 0.5 on both
        assertTrue(onSounds / sounds > 0.65 && elsewhere / others < 0.35, onSounds / sounds + " " + elsewhere / others);
    }

    @Test
    void theHsmmReadsOneValueForBothSoundsAndTheNetworksSilencesAsTheyAre() {
        NetworkEmission emission = NetworkTraining.fit(List.of(toy(2000, 3)), 2, 8, 40, 1, Map.of());
        NetworkTraining.Labelled test = toy(400, 4);
        double[][] posterior = emission.logPosteriors(test.envelopes());
        double[][] likelihood = likelihoods(emission, test);
        double[] sound = emission.soundProbability(likelihood);
        boolean s1AndS2Differ = false;
        for (int t = 0; t < sound.length; t++) {
            assertEquals(likelihood[0][t], likelihood[2][t], 0.0, "value " + t);
            double p1 = Math.exp(posterior[0][t]);
            double p2 = Math.exp(posterior[2][t]);
            assertEquals(p1 + p2, sound[t], 1e-9, "value " + t);
            s1AndS2Differ |= Math.abs(p1 - p2) > 0.5;
            // systole against diastole keeps the network's own ratio
            double silences = posterior[1][t] - posterior[3][t];
            assertEquals(silences, (likelihood[1][t] - likelihood[3][t]) / NetworkEmission.EVIDENCE_WEIGHT
                    + Math.log(emission.prior()[1] / emission.prior()[3]), 1e-9, "value " + t);
        }
        assertTrue(s1AndS2Differ, "the network itself tells S1 from S2 on the toy");
    }

    @Test
    void aStateWithoutAnnotationCannotBeTrained() {
        NetworkTraining.Labelled toy = toy(400, 5);
        int[] noS2 = toy.states().clone();
        for (int t = 0; t < noS2.length; t++) {
            noS2[t] = noS2[t] == 2 ? -1 : noS2[t];
        }
        assertThrows(IllegalArgumentException.class, () -> NetworkTraining.fit(
                List.of(new NetworkTraining.Labelled(toy.envelopes(), noS2)), 2, 4, 1, 1, Map.of()));
    }

    @Test
    void oneTrainingSetGivesOneNetwork() {
        List<NetworkTraining.Labelled> training = List.of(toy(1000, 6));
        NetworkEmission a = NetworkTraining.fit(training, 2, 8, 2, 7, Map.of());
        NetworkEmission b = NetworkTraining.fit(training, 2, 8, 2, 7, Map.of());
        NetworkTraining.Labelled test = toy(100, 7);
        double[][] la = likelihoods(a, test);
        double[][] lb = likelihoods(b, test);
        for (int j = 0; j < 4; j++) {
            assertArrayEquals(la[j], lb[j], 0.0);
        }
    }

    @Test
    void theParametersSurviveWritingAndReading(@TempDir Path dir) throws IOException {
        NetworkEmission emission = NetworkTraining.fit(List.of(toy(1000, 8)), 2, 8, 2, 1,
                Map.of("trained.source", "toy"));
        Path file = dir.resolve("emission.properties");
        emission.write(file, false);
        assertThrows(IOException.class, () -> emission.write(file, false), "an existing file is not replaced");
        NetworkEmission read = NetworkEmission.read(Files.newInputStream(file));
        assertEquals("toy", read.record().get("trained.source"));
        NetworkTraining.Labelled test = toy(100, 9);
        double[][] a = likelihoods(emission, test);
        double[][] b = likelihoods(read, test);
        for (int j = 0; j < 4; j++) {
            assertArrayEquals(a[j], b[j], 1e-6);
        }
        assertThrows(IOException.class, () -> NetworkEmission.read(
                new ByteArrayInputStream("model=other\n".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IOException.class, () -> NetworkEmission.read(new ByteArrayInputStream(
                "model=network\nnetwork.context=2\nnetwork.hidden=8\nw1=1 2\nb1=0\nw2=0\nb2=0\nprior=1\n"
                        .getBytes(StandardCharsets.UTF_8))), "weights of the wrong size are refused");
    }

    @Test
    void theShippedNetworkSaysWhatItWasTrainedOnAndHowItScored() {
        NetworkEmission shipped = NetworkEmission.shipped();
        assertTrue(Integer.parseInt(shipped.record().get("trained.recordings")) > 2000, shipped.record().toString());
        assertTrue(Double.parseDouble(shipped.record().get("scored.cv.s1_f1")) >= 0.95, shipped.record().toString());
        assertTrue(Double.parseDouble(shipped.record().get("scored.cv.s2_f1")) >= 0.95, shipped.record().toString());
        assertTrue(Double.parseDouble(shipped.record().get("scored.cv.span_hr_mae_bpm")) <= 2,
                shipped.record().toString());
    }
}
