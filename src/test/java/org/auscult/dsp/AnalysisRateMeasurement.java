package org.auscult.dsp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.auscult.audio.AudioClip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The measurements behind docs/decisions/analysis-rate-and-filter.md: where the energy of the PASCAL 2011
 * recordings lies, what a 4 kHz analysis rate would lose, how fast the resampler and the band-pass run on one
 * core, how the resampler meets its specification, and how long the band-pass edge padding should be.
 * Prints markdown tables; asserts nothing about speed. Run with:
 * <pre>
 *   mvn -B -o -q test -Pbenchmark -Dtest=AnalysisRateMeasurement -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalysisRateMeasurement {

    /** Bands of the energy profile, Hz. */
    private static final double[] BANDS = {0, 25, 100, 200, 400, 600, 900, 2000, Double.POSITIVE_INFINITY};
    /** Thresholds of the "energy above" table, Hz. */
    private static final double[] ABOVE = {500, 900, 1000, 1600, 2000};

    private record Recording(String path, String set, String label, AudioClip clip) {
    }

    private static List<Recording> recordings;

    @BeforeAll
    static void load() throws IOException {
        Path shared = Pcm16Wav.sharedFolder();
        Path data = shared == null ? null : shared.resolve("data/pascal2011");
        assumeTrue(data != null && Files.isRegularFile(data.resolve("labels.csv")),
                "skipped: ../shared/data/pascal2011 (system property auscult.shared) is not available");
        recordings = new ArrayList<>();
        List<String> lines = Files.readAllLines(data.resolve("labels.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            recordings.add(new Recording(cells[0], cells[1], cells[2], Pcm16Wav.read(data.resolve(cells[0]))));
        }
        System.out.printf("%n%d recordings: set_a %d files, %.1f s at 44100 Hz; set_b %d files, %.1f s at 4000 Hz;"
                        + " %d processors available, measuring on one thread; system load average %.2f%n",
                recordings.size(), inSet("a").size(), seconds(inSet("a")), inSet("b").size(), seconds(inSet("b")),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static List<Recording> inSet(String set) {
        return recordings.stream().filter(r -> r.set().equals(set)).toList();
    }

    private static double seconds(List<Recording> list) {
        return list.stream().mapToDouble(r -> r.clip().durationSeconds()).sum();
    }

    @Test
    @Order(1)
    void whereTheEnergyLies() {
        for (String set : List.of("a", "b")) {
            Map<String, List<double[]>> bandsByLabel = new TreeMap<>();
            Map<String, List<double[]>> aboveByLabel = new TreeMap<>();
            for (Recording r : inSet(set)) {
                int rate = r.clip().sampleRate();
                int segment = Integer.highestOneBit((int) (rate * 0.2));   // ~0.19 s: ~5 Hz resolution
                double[] power = WelchSpectrum.power(r.clip().samples(), segment);
                double[] bands = new double[BANDS.length - 1];
                for (int b = 0; b < bands.length; b++) {
                    bands[b] = WelchSpectrum.fraction(power, rate, BANDS[b], BANDS[b + 1]);
                }
                double[] above = new double[ABOVE.length + 1];
                for (int t = 0; t < ABOVE.length; t++) {
                    above[t] = WelchSpectrum.fraction(power, rate, ABOVE[t], Double.POSITIVE_INFINITY);
                }
                above[ABOVE.length] = WelchSpectrum.fraction(power, rate, 25, 900);
                bandsByLabel.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(bands);
                bandsByLabel.computeIfAbsent("(all)", k -> new ArrayList<>()).add(bands);
                aboveByLabel.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(above);
                aboveByLabel.computeIfAbsent("(all)", k -> new ArrayList<>()).add(above);
            }
            List<String> bandColumns = new ArrayList<>();
            for (int b = 0; b < BANDS.length - 1; b++) {
                bandColumns.add(Double.isInfinite(BANDS[b + 1]) ? String.format("> %.0f", BANDS[b])
                        : String.format("%.0f-%.0f", BANDS[b], BANDS[b + 1]));
            }
            printMedians("set_" + set + ": median share of the energy (mean removed) per band in Hz, %",
                    bandColumns, bandsByLabel);
            List<String> aboveColumns = new ArrayList<>();
            for (double t : ABOVE) {
                aboveColumns.add(String.format("> %.0f", t));
            }
            aboveColumns.add("25-900");
            printMedians("set_" + set + ": median share of the energy above a frequency (Hz), %", aboveColumns,
                    aboveByLabel);
        }
    }

    private static void printMedians(String title, List<String> columns, Map<String, List<double[]>> byLabel) {
        System.out.printf("%n### %s%n%n| class | files | %s |%n|---|---:|%s%n", title, String.join(" | ", columns),
                "---:|".repeat(columns.size()));
        for (Map.Entry<String, List<double[]>> entry : byLabel.entrySet()) {
            StringBuilder line = new StringBuilder("| " + entry.getKey() + " | " + entry.getValue().size() + " |");
            for (int c = 0; c < columns.size(); c++) {
                int column = c;
                double[] values = entry.getValue().stream().mapToDouble(v -> v[column]).sorted().toArray();
                line.append(String.format(" %.2f |", 100 * median(values)));
            }
            System.out.println(line);
        }
    }

    @Test
    @Order(2)
    void resamplerSpeedOnSetA() {
        List<AudioClip> clips = inSet("a").stream().map(Recording::clip).toList();
        double audio = clips.stream().mapToDouble(AudioClip::durationSeconds).sum();
        Resampler resampler = new Resampler();
        Runnable pass = () -> clips.forEach(c -> resampler.resample(c, 4000));
        double[] wall = time(pass, 3, 9);
        System.out.printf("%n### Resampler 44100 -> 4000 Hz over set_a (%d files, %.1f s of audio), one thread%n%n"
                        + "| runs | best wall s | median wall s | x real time (best wall) | x real time (median wall)"
                        + " | x real time (least thread CPU) |%n|---:|---:|---:|---:|---:|---:|%n"
                        + "| %d | %.4f | %.4f | %.0f | %.0f | %.0f |%n", clips.size(), audio,
                wall.length - 1, wall[0], medianWall(wall), audio / wall[0], audio / medianWall(wall),
                audio / cpu(wall));

        BandPassFilter filter = BandPassFilter.butterworth(25, 900, 4, 4000);
        List<AudioClip> atAnalysisRate = new ArrayList<>(inSet("b").stream().map(Recording::clip).toList());
        clips.forEach(c -> atAnalysisRate.add(resampler.resample(c, 4000)));
        double audio4k = atAnalysisRate.stream().mapToDouble(AudioClip::durationSeconds).sum();
        double[] filterWall = time(() -> atAnalysisRate.forEach(filter::apply), 3, 9);
        List<AudioClip> all = recordings.stream().map(Recording::clip).toList();
        SignalConditioning conditioning = SignalConditioning.defaults();
        double[] allWall = time(() -> all.forEach(conditioning::apply), 2, 5);
        System.out.printf("%n### Band-pass and full conditioning, one thread%n%n"
                        + "| step | audio s | best wall s | median wall s | x real time (best wall) |"
                        + " x real time (median wall) | x real time (least thread CPU) |%n"
                        + "|---|---:|---:|---:|---:|---:|---:|%n"
                        + "| band-pass 25-900 Hz order 4 at 4000 Hz (all 832 recordings at 4 kHz) | %.1f | %.4f | %.4f"
                        + " | %.0f | %.0f | %.0f |%n"
                        + "| SignalConditioning.defaults().apply (all 832 recordings as decoded) | %.1f | %.4f | %.4f"
                        + " | %.0f | %.0f | %.0f |%n",
                audio4k, filterWall[0], medianWall(filterWall), audio4k / filterWall[0],
                audio4k / medianWall(filterWall), audio4k / cpu(filterWall),
                seconds(recordings), allWall[0], medianWall(allWall), seconds(recordings) / allWall[0],
                seconds(recordings) / medianWall(allWall), seconds(recordings) / cpu(allWall));
    }

    @Test
    @Order(3)
    void resamplerSpeedAndCostPerRatio() {
        int[][] ratios = {{44100, 4000}, {48000, 4000}, {22050, 2000}, {16000, 4000}, {8000, 4000},
                {2000, 4000}, {4000, 44100}, {44100, 48000}};
        Resampler resampler = new Resampler();
        System.out.printf("%n### Resampler per ratio: 30 s of white noise, one thread, best of 10 after 3 warm-up"
                + " runs%n%n| from -> to Hz | stages (p/q, taps per phase) | multiply-adds per output |"
                + " x real time (best wall) | x real time (least thread CPU) |%n|---|---|---:|---:|---:|%n");
        Random random = new Random(1);
        for (int[] ratio : ratios) {
            float[] noise = new float[30 * ratio[0]];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (float) (0.1 * random.nextGaussian());
            }
            AudioClip clip = new AudioClip(noise, ratio[0]);
            double[] wall = time(() -> resampler.resample(clip, ratio[1]), 3, 10);
            ResamplingPlan plan = Resampler.plan(ratio[0], ratio[1]);
            StringBuilder stages = new StringBuilder();
            double operations = 0;
            for (PolyphaseStage stage : plan.stages()) {
                stages.append(stages.length() == 0 ? "" : ", ").append(stage.up()).append('/').append(stage.down())
                        .append(" (").append(stage.tapsPerPhase()).append(')');
                operations += stage.outputRate() * stage.tapsPerPhase();
            }
            System.out.printf("| %d -> %d | %s | %.0f | %.0f | %.0f |%n", ratio[0], ratio[1], stages,
                    operations / ratio[1], 30 / wall[0], 30 / cpu(wall));
        }
    }

    @Test
    @Order(4)
    void resamplerMeetsItsSpecification() {
        int[][] ratios = {{44100, 4000}, {48000, 4000}, {22050, 2000}, {8000, 4000}, {2000, 4000}, {4000, 44100}};
        Resampler resampler = new Resampler();
        System.out.printf("%n### Resampler response measured with 1 s sines (amplitude 0.5; middle 0.5 s compared)"
                + "%n%n| from -> to Hz | pass band 0-0.8 f_N: worst gain error | stop band >= f_N: worst leak |"
                + " probes |%n|---|---:|---:|---:|%n");
        for (int[] ratio : ratios) {
            int source = ratio[0];
            int target = ratio[1];
            double nyquist = Math.min(source, target) / 2.0;
            double worstPass = 0;
            int probes = 0;
            for (int i = 0; i <= 200; i++) {
                double f = 0.8 * nyquist * i / 200;
                float[] y = resampler.resample(new AudioClip(ResamplerTest.sine(source, 1, f, 0.3), source), target)
                        .samples();
                for (int m = target / 4; m < 3 * target / 4; m++) {
                    double expected = 0.5 * Math.sin(2 * Math.PI * f * m / target + 0.3);
                    worstPass = Math.max(worstPass, Math.abs(y[m] - expected) / 0.5);
                }
                probes++;
            }
            double worstStop = 0;
            double top = source > target ? source / 2.0 : nyquist * 0.999;
            double bottom = source > target ? nyquist : 0.8 * nyquist;
            for (int i = 0; i <= 400; i++) {
                // dense near the edge, where a Kaiser filter's largest lobe is
                double f = bottom + (top - bottom) * Math.pow(i / 400.0, 3);
                if (f >= source / 2.0) {
                    continue;
                }
                float[] y = resampler.resample(new AudioClip(ResamplerTest.sine(source, 1, f, 0.7), source), target)
                        .samples();
                double leak;
                if (source > target) {
                    leak = 0;
                    for (int m = target / 4; m < 3 * target / 4; m++) {
                        leak = Math.max(leak, Math.abs(y[m]) / 0.5);
                    }
                } else {
                    leak = SineFit.fit(y, target / 4, 3 * target / 4, target, f, source - f).amplitude(1) / 0.5;
                }
                worstStop = Math.max(worstStop, leak);
                probes++;
            }
            System.out.printf("| %d -> %d | %.2e (%.4f dB) | %.2e (%.1f dB) | %d |%n", source, target, worstPass,
                    20 * Math.log10(1 + worstPass), worstStop, 20 * Math.log10(worstStop), probes);
        }
    }

    @Test
    @Order(5)
    void bandPassEdgePadding() {
        // Filter a whole recording, and separately a 2 s excerpt from its middle; near the excerpt's ends the
        // difference is the edge error that the padding is meant to keep small.
        int[] paddings = {27, 80, 160, 320, 640};
        BandPassFilter design = BandPassFilter.butterworth(25, 900, 4, 4000);
        Resampler resampler = new Resampler();
        System.out.printf("%n### Band-pass 25-900 Hz order 4 at 4000 Hz: edge error of a 2 s excerpt against the"
                + " whole recording filtered, RMS over the excerpt's first and last 0.1 s relative to the RMS of the"
                + " whole excerpt; median (90th percentile) over recordings of at least 4 s%n%n| padding, samples |"
                + " set_a (resampled) | set_b |%n|---:|---:|---:|%n");
        for (int padding : paddings) {
            BandPassFilter filter = design.withPaddingLength(padding);
            StringBuilder line = new StringBuilder(String.format("| %d%s |", padding,
                    padding == design.paddingLength() ? " (default)" : padding == 27 ? " (scipy default)" : ""));
            for (String set : List.of("a", "b")) {
                List<Double> errors = new ArrayList<>();
                for (Recording r : inSet(set)) {
                    AudioClip clip = resampler.resample(r.clip(), 4000);
                    if (clip.durationSeconds() < 4) {
                        continue;
                    }
                    float[] whole = filter.filter(clip.samples());
                    int start = 4000;
                    int length = 8000;
                    float[] excerpt = filter.filter(Arrays.copyOfRange(clip.samples(), start, start + length));
                    double edge = 0;
                    double all = 0;
                    int edgeCount = 0;
                    for (int i = 0; i < length; i++) {
                        double reference = whole[start + i];
                        all += reference * reference;
                        if (i < 400 || i >= length - 400) {
                            double d = excerpt[i] - reference;
                            edge += d * d;
                            edgeCount++;
                        }
                    }
                    errors.add(Math.sqrt(edge / edgeCount) / Math.sqrt(all / length));
                }
                double[] sorted = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                line.append(String.format(" %.4f (%.4f), n = %d |", median(sorted),
                        sorted[(int) (0.9 * (sorted.length - 1))], sorted.length));
            }
            System.out.println(line);
        }
    }

    /**
     * Wall times in seconds of {@code timed} runs after {@code warmUp} runs, sorted ascending, followed by the
     * least CPU time of this thread over the same runs (less sensitive to other processes on a shared machine).
     */
    private static double[] time(Runnable work, int warmUp, int timed) {
        for (int i = 0; i < warmUp; i++) {
            work.run();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] seconds = new double[timed];
        double leastCpu = Double.MAX_VALUE;
        for (int i = 0; i < timed; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            work.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            leastCpu = Math.min(leastCpu, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        }
        Arrays.sort(seconds);
        double[] result = Arrays.copyOf(seconds, timed + 1);
        result[timed] = leastCpu;
        return result;
    }

    /** The median of the wall times in a {@link #time} result (all but its last element). */
    private static double medianWall(double[] timing) {
        return median(Arrays.copyOf(timing, timing.length - 1));
    }

    private static double cpu(double[] timing) {
        return timing[timing.length - 1];
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
