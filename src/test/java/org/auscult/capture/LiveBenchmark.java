package org.auscult.capture;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.auscult.analysis.LoadedModel;
import org.auscult.analysis.RecordingAnalyzer;
import org.auscult.audio.AudioClip;
import org.auscult.audio.RecordingDecoder;

/**
 * Record mode measured with a sample recording replayed in real time as the stethoscope, the bundled model judging:
 * time from start to the first verdict, how late each verdict and each level block arrives after the last sample it
 * covers was captured, the process's CPU while recording, and what a kill -9 mid-recording leaves on disk.
 *
 * <pre>
 *   mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.auscult.capture.LiveBenchmark
 * </pre>
 */
public final class LiveBenchmark {

    private static final Path SAMPLE = Path.of("sample-recordings", "circor", "77373_MV.wav");

    private LiveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--record-forever")) {
            recordUntilKilled(Path.of(args[1]));
            return;
        }
        AudioClip clip = new RecordingDecoder().decode(SAMPLE).clip();
        Path folder = Files.createTempDirectory("auscult-live");
        Path target = folder.resolve("live.wav");
        List<Double> blockLateMs = new ArrayList<>();
        List<Double> verdictLateMs = new ArrayList<>();
        double[] firstVerdict = {Double.NaN};
        CountDownLatch ended = new CountDownLatch(1);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        LoadedModel model = LoadedModel.load(null);
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        LiveSession session = LiveSession.start(new ReplaySource(clip, "replay", 1), target,
                RecordingAnalyzer.judging(model, null, true), new LiveSession.Listener() {
                    @Override
                    public void level(LiveSession.Level level) {
                        blockLateMs.add(late(start, level.seconds()));
                    }

                    @Override
                    public void judged(LiveSession.Judgement judgement) {
                        double late = late(start, judgement.toSeconds());
                        verdictLateMs.add(late);
                        if (Double.isNaN(firstVerdict[0])) {
                            firstVerdict[0] = (System.nanoTime() - start) / 1e9;
                        }
                    }

                    @Override
                    public void ended(String problem) {
                        ended.countDown();
                    }
                });
        ended.await(10, TimeUnit.MINUTES);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        System.out.printf(Locale.ROOT, "Replayed %s in real time (%.1f s at %d Hz), bundled model, %d cores%n",
                SAMPLE.getFileName(), clip.durationSeconds(), clip.sampleRate(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-46s %8.2f s%n", "start -> first verdict", firstVerdict[0]);
        System.out.printf(Locale.ROOT, "%-46s %8d%n", "verdicts", verdictLateMs.size());
        System.out.printf(Locale.ROOT, "%-46s %8.0f ms (median) %6.0f ms (max)%n",
                "verdict after the last sample it covers", median(verdictLateMs), max(verdictLateMs));
        System.out.printf(Locale.ROOT, "%-46s %8.1f ms (median) %6.1f ms (max)%n",
                "level block after its last sample", median(blockLateMs), max(blockLateMs));
        System.out.printf(Locale.ROOT, "%-46s %8.2f cores (%.1f s CPU in %.1f s)%n", "process CPU while recording",
                cpu / wall, cpu, wall);
        session.close();
        Files.delete(target);

        // kill -9 mid-recording: a child records in real time, is killed, and the file is read back
        Path killed = folder.resolve("killed.wav");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LiveBenchmark.class.getName(), "--record-forever",
                killed.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        while (!Files.exists(killed)) {
            Thread.sleep(10);
        }
        long created = System.nanoTime();
        Thread.sleep(7_300);
        child.destroyForcibly().waitFor();
        double recorded = (System.nanoTime() - created) / 1e9;
        AudioClip left = new RecordingDecoder().decode(killed).clip();
        System.out.printf(Locale.ROOT, "%-46s %8.2f s readable of %.2f s recorded (lost %.2f s)%n",
                "kill -9 after about 7.3 s", left.durationSeconds(), recorded, recorded - left.durationSeconds());
        Files.delete(killed);
        Files.delete(folder);
    }

    /** Records the sample replayed in real time, over and over, into {@code target} until the process is killed. */
    private static void recordUntilKilled(Path target) throws Exception {
        AudioClip clip = new RecordingDecoder().decode(SAMPLE).clip();
        float[] looped = new float[clip.length() * 4];
        for (int i = 0; i < looped.length; i++) {
            looped[i] = clip.samples()[i % clip.length()];
        }
        CountDownLatch never = new CountDownLatch(1);
        LiveSession.start(new ReplaySource(new AudioClip(looped, clip.sampleRate()), "replay", 1), target,
                RecordingAnalyzer.judging(null, null, true), new LiveSession.Listener() {
                    @Override
                    public void level(LiveSession.Level level) {
                    }

                    @Override
                    public void judged(LiveSession.Judgement judgement) {
                    }

                    @Override
                    public void ended(String problem) {
                        never.countDown();
                    }
                });
        never.await();
    }

    private static double late(long start, double seconds) {
        return ((System.nanoTime() - start) / 1e9 - seconds) * 1000;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
