package org.auscult.app.cycle;

import org.auscult.segmentation.SyntheticHeart;

import org.auscult.segmentation.BeatStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.auscult.audio.AudioClip;
import org.auscult.audio.WavDecoder;
import org.auscult.segmentation.HeartSoundSegmenter;
import org.auscult.segmentation.Segmentation;

/**
 * What the workstation computes for the heart cycle after a selection, timed per recording: the segmentation, the
 * beat-stack envelope and the stack itself (median of 5 runs after 2 warm-up runs), on the bundled CirCor
 * recordings, on synthetic lub-dubs (regular, one premature beat, one extra sound) and on a synthetic 10-minute
 * 44.1 kHz lub-dub; with the most atypical cycle's distance to the median and the next largest. Prints a table;
 * asserts nothing.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(deps) org.auscult.app.cycle.CycleBenchmark [folder]}
 */
public final class CycleBenchmark {

    private CycleBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "sample-recordings/circor");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        System.out.println("| recording | rate (Hz) | length (s) | segmentation (ms) | envelope (ms) | beat stack (ms) "
                + "| cycles | most atypical distance | next largest | median distance |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Path file : files) {
            row(file.getFileName().toString().replace(".wav", ""), new WavDecoder().decode(file).clip());
        }
        double[] regular = SyntheticHeart.regularBeats(72, 0.4, 10);
        double[] premature = regular.clone();
        premature[5] -= 0.25;
        row("synthetic regular 10 s", SyntheticHeart.of(10, regular));
        row("synthetic, beat 6 premature by 0.25 s", SyntheticHeart.of(10, premature));
        row("synthetic, extra sound 0.45 s after S1 7", SyntheticHeart.withExtraSound(10, regular, regular[6] + 0.45,
                0.25));
        row("synthetic 10 min", longLubDub());
    }

    /** Ten minutes at 44.1 kHz, S1 and S2 bursts at 72 bpm on noise (seed 42). */
    private static AudioClip longLubDub() {
        int rate = 44100;
        float[] samples = new float[600 * rate];
        Random random = new Random(42);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.005 * random.nextGaussian());
        }
        for (double beat = 0.4; beat < 600; beat += 60.0 / 72) {
            for (double[] sound : new double[][] {{beat, 0.05, 60, 0.5}, {beat + 0.3, 0.04, 120, 0.4}}) {
                int from = (int) Math.round((sound[0] - sound[1] / 2) * rate);
                int length = (int) Math.round(sound[1] * rate);
                for (int i = 0; i < length && from + i < samples.length; i++) {
                    double window = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / length);
                    samples[from + i] += (float) (sound[3] * window * Math.sin(2 * Math.PI * sound[2] * i / rate));
                }
            }
        }
        return new AudioClip(samples, rate);
    }

    private static void row(String name, AudioClip clip) {
        HeartSoundSegmenter segmenter = new HeartSoundSegmenter();
        double[] segmentMs = new double[5];
        double[] envelopeMs = new double[5];
        double[] stackMs = new double[5];
        Segmentation segmentation = null;
        BeatStack stack = null;
        for (int run = -2; run < 5; run++) {
            long t0 = System.nanoTime();
            segmentation = segmenter.segment(clip);
            long t1 = System.nanoTime();
            double[] envelope = BeatStack.envelope(clip);
            long t2 = System.nanoTime();
            ShownCycle shown = ShownCycle.of(segmentation, List.of(), clip.durationSeconds());
            stack = BeatStack.of(envelope, shown.completeS1(clip.durationSeconds()).stream()
                .map(CycleBand::asSegment).toList());
            long t3 = System.nanoTime();
            if (run >= 0) {
                segmentMs[run] = (t1 - t0) / 1e6;
                envelopeMs[run] = (t2 - t1) / 1e6;
                stackMs[run] = (t3 - t2) / 1e6;
            }
        }
        double[] distances = stack.beats().stream().mapToDouble(BeatStack.Beat::distance)
                .filter(Double::isFinite).sorted().toArray();
        double worst = stack.mostAtypical() < 0 ? Double.NaN : stack.beats().get(stack.mostAtypical()).distance();
        double next = distances.length < 2 ? Double.NaN : distances[distances.length - 2];
        System.out.println(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %d | %.2f | %.2f | %.2f |",
                name, clip.sampleRate(), clip.durationSeconds(), median(segmentMs), median(envelopeMs),
                median(stackMs), stack.beats().size(), worst, next,
                distances.length == 0 ? Double.NaN : distances[distances.length / 2]));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
