package org.auscult.app;

import org.auscult.app.task.CurrentThreadTaskExecutor;
import org.auscult.app.task.StatusReporter;
import org.auscult.app.timeline.TimeViewport;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.auscult.app.browser.RecordingRow;
import org.auscult.app.playback.NoAudioDevice;
import org.auscult.app.playback.Player;
import org.auscult.app.spectrogram.SpectrogramRenderer;
import org.auscult.app.spectrogram.SpectrogramTiles;
import org.auscult.app.waveform.WaveformSummary;
import org.auscult.audio.AudioClip;
import org.auscult.audio.WavWriter;
import org.auscult.library.Recording;

/**
 * Measures what the workstation's targets are about, without a screen (the pixels are computed exactly as the
 * layers compute them; only the canvas blit is left out):
 * <ol>
 *   <li>a 30 s 4 kHz recording: from selection to waveform + spectrogram pixels + verdict;</li>
 *   <li>a 10-minute 44.1 kHz recording: from selection to the first full view (waveform + spectrogram), and the
 *       cost of each zoom and scroll step afterwards (every step recomputes the visible pixels and any new tiles);</li>
 *   <li>the peak heap.</li>
 * </ol>
 * Run: {@code mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt} then
 * {@code java -Xmx2g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.auscult.app.WorkstationBenchmark}
 * from the project folder. Prints a table.
 */
public final class WorkstationBenchmark {

    private static final int WIDTH = 1200;
    private static final int SPECTROGRAM_HEIGHT = 260;

    private WorkstationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // As the launcher and the surefire argLine do: pure-Java netlib, Weka's home out of the user's folder.
        for (String library : new String[] {"BLAS", "LAPACK", "ARPACK"}) {
            System.setProperty("com.github.fommil.netlib." + library, "com.github.fommil.netlib.F2j" + library);
        }
        System.setProperty("WEKA_HOME", Path.of("target", "wekafiles").toAbsolutePath().toString());
        if (args.length == 2 && args[0].equals("--recording")) {
            oneRecording(Path.of(args[1]));
            return;
        }
        if (args.length == 2 && args[0].equals("--folder")) {
            oneFolder(Path.of(args[1]));
            return;
        }
        Path folder = Files.createTempDirectory("auscult-benchmark");
        Path short30 = folder.resolve("heart-30s-4k.wav");
        Path short30at44 = folder.resolve("heart-30s-44k.wav");
        Path long10 = folder.resolve("heart-10min-44k.wav");
        WavWriter.writePcm16(short30at44, heartLike(30, 44_100, 3), WavWriter.Overwrite.REPLACE);
        WavWriter.writePcm16(short30, heartLike(30, 4000, 1), WavWriter.Overwrite.REPLACE);
        WavWriter.writePcm16(long10, heartLike(600, 44_100, 2), WavWriter.Overwrite.REPLACE);
        var model = SampleModel.get();
        System.out.printf(Locale.ROOT, "%-52s %10s %10s %10s%n", "measurement", "median ms", "min ms", "max ms");

        for (int i = 0; i < 3; i++) {
            selectAndDraw(short30, model); // warm-up
        }
        long[][] shortRuns = new long[9][];
        for (int i = 0; i < shortRuns.length; i++) {
            shortRuns[i] = selectAndDraw(short30, model);
        }
        row("30 s 4 kHz: selection -> waveform + spectrogram", column(shortRuns, 0));
        row("30 s 4 kHz: selection -> verdict", column(shortRuns, 1));

        long[][] short44Runs = new long[9][];
        for (int i = 0; i < short44Runs.length; i++) {
            short44Runs[i] = selectAndDraw(short30at44, model);
        }
        row("30 s 44.1 kHz: selection -> waveform + spectrogram", column(short44Runs, 0));
        row("30 s 44.1 kHz: selection -> verdict", column(short44Runs, 1));

        long[][] longRuns = new long[5][];
        for (int i = 0; i < longRuns.length; i++) {
            longRuns[i] = selectAndDraw(long10, model);
        }
        row("10 min 44.1 kHz: selection -> waveform + spectrogram", column(longRuns, 0));
        row("10 min 44.1 kHz: selection -> verdict", column(longRuns, 1));
        row("10 min 44.1 kHz: one zoom step (x1.25, 40 steps)", zoomSteps(long10));
        row("10 min 44.1 kHz: one scroll step (1/10 view at 10 s)", scrollSteps(long10));
        largeCollection();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%-52s %10.0f MB (sum of heap pool peaks, -Xmx %d MB)%n", "peak heap",
                peak / 1e6, Runtime.getRuntime().maxMemory() >> 20);
        Files.delete(short30);
        Files.delete(short30at44);
        Files.delete(long10);
        Files.delete(folder);
    }

    /**
     * {@code --recording FILE}: one selection of FILE in a fresh JVM, as the window makes it with the bundled
     * default model, then this process's peak resident memory (VmHWM): what opening a long recording costs.
     */
    private static void oneRecording(Path file) throws Exception {
        var model = org.auscult.analysis.LoadedModel.load(null);
        long[] at = selectAndDraw(file, model);
        System.out.printf(Locale.ROOT, "%-52s %10.0f ms%n", file.getFileName() + ": selection -> waveform", at[3] / 1e6);
        System.out.printf(Locale.ROOT, "%-52s %10.0f ms%n", file.getFileName() + ": selection -> waveform + spectrogram",
                at[0] / 1e6);
        System.out.printf(Locale.ROOT, "%-52s %10.0f ms%n", file.getFileName() + ": selection -> first verdict",
                at[2] / 1e6);
        System.out.printf(Locale.ROOT, "%-52s %10.0f ms%n", file.getFileName() + ": selection -> verdict", at[1] / 1e6);
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                System.out.printf(Locale.ROOT, "%-52s %10.0f MB (-Xmx %d MB)%n", "peak resident memory (VmHWM)",
                        Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0, Runtime.getRuntime().maxMemory() >> 20);
            }
        }
    }

    /**
     * {@code --folder DIR}: DIR opened in a fresh JVM as the window opens it with the bundled default model, until
     * the collection's scan has given every row its verdict, then this process's peak resident memory: what a
     * folder costs before any recording is clicked.
     */
    private static void oneFolder(Path folder) throws Exception {
        var model = org.auscult.analysis.LoadedModel.load(null);
        WorkstationViewModel workstation = new WorkstationViewModel(new CurrentThreadTaskExecutor(), Runnable::run,
                new Player(new NoAudioDevice(), Runnable::run), Runnable::run, 2);
        workstation.modelProperty().set(model);
        long start = System.nanoTime();
        workstation.open(folder);
        long scanned = System.nanoTime() - start;
        long judged = workstation.browser().rows().stream().filter(row -> !row.predictedProperty().get().isEmpty())
                .count();
        double audio = workstation.browser().rows().stream().mapToDouble(row -> row.durationProperty().get()).sum();
        System.out.printf(Locale.ROOT, "%-52s %10.0f ms%n", folder.getFileName() + ": open -> every row judged",
                scanned / 1e6);
        System.out.printf(Locale.ROOT, "%-52s %10d of %d, %.0f s of audio%n", "rows judged", judged,
                workstation.browser().rows().size(), audio);
        // what the open folder holds on to, as against what the collection's analysis passed through
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "%-52s %10.0f MB%n", "heap in use after a full collection",
                (runtime.totalMemory() - runtime.freeMemory()) / 1e6);
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                System.out.printf(Locale.ROOT, "%-52s %10.0f MB (-Xmx %d MB)%n", "peak resident memory (VmHWM)",
                        Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0, Runtime.getRuntime().maxMemory() >> 20);
            }
        }
    }

    /**
     * The browser on the 832 recordings of PASCAL 2011 (when ../shared is present): import and row creation (header
     * of every file read), then a class filter and a text search over all rows.
     */
    private static void largeCollection() {
        Path pascal = Path.of(System.getProperty("auscult.shared", "../shared"), "data", "pascal2011");
        if (!Files.isDirectory(pascal)) {
            System.out.println("(PASCAL 2011 not found under ../shared: large-collection rows skipped)");
            return;
        }
        long[] opens = new long[5];
        long[] filters = new long[5];
        long[] searches = new long[5];
        int rows = 0;
        for (int i = 0; i < opens.length; i++) {
            org.auscult.app.browser.BrowserViewModel browser = new org.auscult.app.browser.BrowserViewModel(
                    new CurrentThreadTaskExecutor(), new StatusReporter());
            long start = System.nanoTime();
            browser.open(pascal);
            opens[i] = System.nanoTime() - start;
            rows = browser.rows().size();
            start = System.nanoTime();
            browser.classFilterProperty().set("murmur");
            filters[i] = System.nanoTime() - start;
            browser.classFilterProperty().set(org.auscult.app.browser.BrowserViewModel.ALL);
            start = System.nanoTime();
            browser.searchTextProperty().set("151_");
            searches[i] = System.nanoTime() - start;
        }
        row("PASCAL (" + rows + " recordings): open collection -> rows", opens);
        row("PASCAL: filter by class", filters);
        row("PASCAL: text search", searches);
    }

    /** Heartbeat-like test audio: 60 bpm S1/S2 bursts over low noise, fixed seed. */
    static AudioClip heartLike(int seconds, int rate, long seed) {
        Random random = new Random(seed);
        float[] x = new float[seconds * rate];
        for (int n = 0; n < x.length; n++) {
            double t = n / (double) rate;
            double inBeat = t % 1.0;
            double s1 = inBeat < 0.1 ? Math.sin(Math.PI * inBeat / 0.1) * Math.sin(2 * Math.PI * 60 * t) : 0;
            double s2 = inBeat > 0.35 && inBeat < 0.43
                    ? Math.sin(Math.PI * (inBeat - 0.35) / 0.08) * Math.sin(2 * Math.PI * 90 * t) : 0;
            x[n] = (float) (0.5 * s1 + 0.35 * s2 + 0.01 * random.nextGaussian());
        }
        return new AudioClip(x, rate);
    }

    /**
     * {time to the first drawn view (waveform and spectrogram), time to the verdict, time to the first verdict, time
     * to the first waveform drawn (a long recording's outline)} in ns, as the application does it but on one thread.
     */
    private static long[] selectAndDraw(Path file, org.auscult.analysis.LoadedModel model) {
        WorkstationViewModel workstation = new WorkstationViewModel(new CurrentThreadTaskExecutor(), Runnable::run,
                new Player(new NoAudioDevice(), Runnable::run), Runnable::run, 1);
        workstation.modelProperty().set(model);
        long[] at = new long[4];
        long start = System.nanoTime();
        workstation.waveform().summaryProperty().addListener((o, before, summary) -> {
            if (summary != null && at[3] == 0) {
                float[] min = new float[WIDTH];
                float[] max = new float[WIDTH];
                summary.envelope(workstation.viewport().start() * summary.sampleRate(),
                        workstation.viewport().visible() * summary.sampleRate() / WIDTH, min, max);
                at[3] = System.nanoTime() - start;
            }
        });
        workstation.verdict().verdictProperty().addListener((o, before, verdict) -> {
            if (verdict != null && at[2] == 0) {
                at[2] = System.nanoTime() - start;
            }
        });
        workstation.loadedProperty().addListener((o, before, loaded) -> {
            if (loaded == null) {
                return; // the views cleared for the new selection
            }
            drawView(workstation.waveform().summaryProperty().get(), workstation.spectrogram().tilesProperty().get(),
                    workstation);
            at[0] = System.nanoTime() - start;
        });
        workstation.select(new RecordingRow(new Recording(file, file.getFileName().toString(), Optional.empty(), "",
                "p", "", Map.of())));
        at[1] = System.nanoTime() - start;
        if (workstation.verdict().verdictProperty().get() == null) {
            throw new IllegalStateException("no verdict for " + file + ": " + workstation.status().messageProperty().get());
        }
        return at;
    }

    /** Computes the pixels of the waveform and spectrogram layers for the current view, tiles included. */
    private static void drawView(WaveformSummary summary, SpectrogramTiles tiles, WorkstationViewModel workstation) {
        TimeViewport viewport = workstation.viewport();
        float[] min = new float[WIDTH];
        float[] max = new float[WIDTH];
        double rate = summary.sampleRate();
        summary.envelope(viewport.start() * rate, viewport.visible() * rate / WIDTH, min, max);
        int[] pixels = new int[WIDTH * SPECTROGRAM_HEIGHT];
        SpectrogramRenderer.render(tiles, workstation.spectrogram().settingsProperty().get(), viewport.start(),
                viewport.visible(), WIDTH, SPECTROGRAM_HEIGHT, pixels, null);
    }

    private static long[] zoomSteps(Path file) {
        WorkstationViewModel workstation = open(file);
        long[] steps = new long[40];
        for (int i = 0; i < steps.length; i++) {
            long start = System.nanoTime();
            workstation.viewport().zoom(1.25, workstation.viewport().duration() * 0.37);
            drawView(workstation.waveform().summaryProperty().get(), workstation.spectrogram().tilesProperty().get(),
                    workstation);
            steps[i] = System.nanoTime() - start;
        }
        return steps;
    }

    private static long[] scrollSteps(Path file) {
        WorkstationViewModel workstation = open(file);
        workstation.viewport().show(0, 10);
        drawView(workstation.waveform().summaryProperty().get(), workstation.spectrogram().tilesProperty().get(),
                workstation);
        long[] steps = new long[100];
        for (int i = 0; i < steps.length; i++) {
            long start = System.nanoTime();
            workstation.viewport().scrollBy(0.1);
            drawView(workstation.waveform().summaryProperty().get(), workstation.spectrogram().tilesProperty().get(),
                    workstation);
            steps[i] = System.nanoTime() - start;
        }
        return steps;
    }

    private static WorkstationViewModel open(Path file) {
        WorkstationViewModel workstation = new WorkstationViewModel(new CurrentThreadTaskExecutor(), Runnable::run,
                new Player(new NoAudioDevice(), Runnable::run), Runnable::run, 1);
        workstation.select(new RecordingRow(new Recording(file, file.getFileName().toString(), Optional.empty(), "",
                "p", "", Map.of())));
        return workstation;
    }

    private static long[] column(long[][] runs, int index) {
        return Arrays.stream(runs).mapToLong(run -> run[index]).toArray();
    }

    private static void row(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-52s %10.1f %10.1f %10.1f%n", name, sorted[sorted.length / 2] / 1e6,
                sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
